package org.notmono.model.lalm;

import java.util.ArrayList;
import java.util.List;

import org.notmono.model.chat.ChatRole;
import org.notmono.model.chat.ChatTurn;
import org.notmono.model.tokenizer.SpecialTokens;

/**
 * The prompt in ChatML as Qwen writes it: a system turn, the conversation, and the open
 * assistant turn. The first user turn carries {@code <AcousticTokens>} once, where the audio
 * goes. A multiple-choice question lists its options as "A. ..." lines.
 */
public final class ChatPrompt {
    /** What the system turn says. */
    public static final String SYSTEM = "You hear a first-order ambisonic recording and answer questions about the sounds and the room.";
    /** Opened by the model itself when it is not asked to reason. */
    public static final String NO_THINK = SpecialTokens.THINK + SpecialTokens.THINK_END;

    private ChatPrompt() {
    }

    /** The user's words for a question and its options (null for an open question). */
    public static String question(String question, List<String> options) {
        StringBuilder sb = new StringBuilder(question.strip());
        if (options != null) {
            for (int i = 0; i < options.size(); i++) {
                sb.append('\n').append(optionLine(i, options.get(i)));
            }
        }
        return sb.toString();
    }

    /** How a question lists its option {@code index} (0 for A): "B. To your left". */
    public static String optionLine(int index, String option) {
        return (char) ('A' + index) + ". " + option.strip();
    }

    /**
     * The option (0 for A, up to {@code options - 1}) whose line {@code text} has just opened on a
     * new line ("...\nB."), as {@link #optionLine} starts it; -1 when it has not.
     */
    public static int optionLineOpened(String text, int options) {
        int n = text.length();
        if (n < 3 || text.charAt(n - 1) != '.' || text.charAt(n - 3) != '\n') {
            return -1;
        }
        int index = text.charAt(n - 2) - 'A';
        return index >= 0 && index < options ? index : -1;
    }

    /**
     * The whole prompt up to the assistant's first generated token.
     *
     * @param history earlier turns (oldest first)
     * @param user the current user turn's text
     * @param think false to close an empty reasoning section for the model
     */
    public static String render(List<ChatTurn> history, String user, boolean think) {
        return render(history, user, think, true);
    }

    /**
     * As {@link #render(List, String, boolean)}; with {@code audio} false the first user turn has
     * no {@code <AcousticTokens>} line: the prompt of the text-only baseline, which reads the same
     * words and hears nothing.
     */
    public static String render(List<ChatTurn> history, String user, boolean think, boolean audio) {
        List<ChatTurn> turns = new ArrayList<>(history);
        turns.add(new ChatTurn(ChatRole.USER, user));
        StringBuilder sb = new StringBuilder();
        turn(sb, "system", SYSTEM);
        boolean anchored = !audio;
        for (ChatTurn t : turns) {
            String text = t.text();
            if (t.role() == ChatRole.USER && !anchored) {
                text = SpecialTokens.ACOUSTIC + "\n" + text;
                anchored = true;
            }
            turn(sb, t.role() == ChatRole.USER ? "user" : t.role() == ChatRole.ASSISTANT ? "assistant" : "system", text);
        }
        sb.append(SpecialTokens.IM_START).append("assistant\n");
        if (!think) {
            sb.append(NO_THINK);
        }
        return sb.toString();
    }

    /** The assistant's turn as training data: the answer text and the end-of-turn marker. */
    public static String assistantCompletion(String answer) {
        return answer + SpecialTokens.IM_END;
    }

    private static void turn(StringBuilder sb, String role, String text) {
        sb.append(SpecialTokens.IM_START).append(role).append('\n').append(text).append(SpecialTokens.IM_END).append('\n');
    }
}
