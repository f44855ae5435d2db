package org.notmono.model.lalm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The option lines a question lists, and finding where one has just been opened in a model's text. */
class ChatPromptTest {
    private static final List<String> OPTIONS = List.of("Behind you", " To your left ", "In front of you", "To your right");

    @Test
    void aQuestionListsItsOptionsOneALineLetteredInOrder() {
        assertEquals("Where is the dog?\nA. Behind you\nB. To your left\nC. In front of you\nD. To your right",
                ChatPrompt.question(" Where is the dog? ", OPTIONS));
        assertEquals("Where is the dog?", ChatPrompt.question("Where is the dog?", null));
    }

    @Test
    void anOptionLineIsOpenedWhereTheTextEndsInANewLineALetterAndAStop() {
        String question = ChatPrompt.question("Where is the dog?", OPTIONS);
        for (int i = 0; i < OPTIONS.size(); i++) {
            String opened = question.substring(0, question.indexOf(ChatPrompt.optionLine(i, OPTIONS.get(i))) + 2);
            assertEquals(i, ChatPrompt.optionLineOpened(opened, OPTIONS.size()), opened);
        }
        assertEquals(-1, ChatPrompt.optionLineOpened("I hear it.\nE.", 4), "no fifth option");
        assertEquals(2, ChatPrompt.optionLineOpened("I hear it.\nC.", 3));
        assertEquals(-1, ChatPrompt.optionLineOpened("I hear it.\nC.", 2));
        assertEquals(-1, ChatPrompt.optionLineOpened("B.", 4), "not on a new line");
        assertEquals(-1, ChatPrompt.optionLineOpened("\nB. To", 4), "already written");
        assertEquals(-1, ChatPrompt.optionLineOpened("\nb.", 4));
    }
}
