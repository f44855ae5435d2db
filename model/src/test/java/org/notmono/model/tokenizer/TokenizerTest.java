package org.notmono.model.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our BPE trainer's tokenizer.json, loaded by DJL's Hugging Face binding. */
class TokenizerTest {
    private static final List<String> CORPUS = List.of(
            "A dog barks behind you to the left, about 2 m away.",
            "A woman speaks in front of you; the room is small and dry.",
            "The piano plays above you, far away, in a large reverberant hall.",
            "Où est le café ? Straße, naïve, 東京, 🎹 and tabs\tand\nnewlines.");

    @TempDir
    Path dir;

    @Test
    void roundTripsUnicodeAndKeepsSpecialTokensWhole() throws IOException {
        BpeVocabulary vocabulary = new BpeTrainer(360, SpecialTokens.ALL).train(repeat(CORPUS, 20));
        assertEquals(360, vocabulary.size());
        vocabulary.write(dir.resolve("tokenizer.json"));
        try (TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            for (String text : List.of("  leading spaces, 東京 🎹 Ünïcödé\ttab\n", "A dog barks behind you.",
                    "ça va ? 😀👍🏽 ∑∫ мир")) {
                assertEquals(text, tokenizer.decode(tokenizer.encode(text)), text);
            }
            for (int i = 0; i < SpecialTokens.ALL.size(); i++) {
                assertEquals(352 + i, tokenizer.id(SpecialTokens.ALL.get(i)));
            }
            String prompt = "<|im_start|>user\n<AcousticTokens>Where is the dog?<|im_end|>\n<think>left</think><answer>B</answer>";
            long[] ids = tokenizer.encode(prompt);
            assertEquals(prompt, tokenizer.decode(ids));
            long acoustic = tokenizer.id(SpecialTokens.ACOUSTIC);
            assertEquals(1, Arrays.stream(ids).filter(i -> i == acoustic).count());
            // the learned merges compress the training text: far fewer tokens than bytes
            long[] sentence = tokenizer.encode(CORPUS.getFirst());
            assertTrue(sentence.length < CORPUS.getFirst().length() / 2, sentence.length + " tokens");
        }
    }

    @Test
    void longTextIsNotTruncated() throws IOException {
        new BpeTrainer(300, SpecialTokens.ALL).train(CORPUS).write(dir.resolve("tokenizer.json"));
        try (TextTokenizer tokenizer = TextTokenizer.load(dir.resolve("tokenizer.json"))) {
            String text = String.join(" ", repeat(CORPUS, 30));
            long[] ids = tokenizer.encode(text);
            assertTrue(ids.length > 600, ids.length + " tokens");
            assertEquals(text, tokenizer.decode(ids));
        }
    }

    @Test
    void aBatchEncodesEachTextAsAloneWithNoPaddingOrTruncation() throws IOException {
        new BpeTrainer(320, SpecialTokens.ALL).train(repeat(CORPUS, 5)).write(dir.resolve("tokenizer.json"));
        try (TextTokenizer tokenizer = TextTokenizer.load(dir.resolve("tokenizer.json"))) {
            List<String> texts = new ArrayList<>(CORPUS);
            texts.add("");
            texts.add("<|im_start|>user\n<AcousticTokens>Where?<|im_end|>");
            texts.add(String.join(" ", repeat(CORPUS, 30))); // longer than 512 tokens, beside short ones
            List<long[]> batch = tokenizer.encodeAll(texts);
            assertEquals(texts.size(), batch.size());
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(tokenizer.encode(texts.get(i)), batch.get(i), texts.get(i));
                assertEquals(texts.get(i), tokenizer.decode(batch.get(i)));
            }
            assertTrue(batch.getLast().length > 600, batch.getLast().length + " tokens");
        }
    }

    @Test
    void trainingFillsTheAskedVocabulary() {
        BpeVocabulary a = new BpeTrainer(350, SpecialTokens.ALL).train(CORPUS);
        assertEquals(350 - SpecialTokens.ALL.size(), a.vocab().size());
        assertEquals(350 - SpecialTokens.ALL.size() - 256, a.merges().size(), "256 bytes, then one symbol per merge");
    }

    /**
     * "low lower lowest", worked by hand: the words are "low", "Ġlower", "Ġlowest" (Ġ is the space byte). "l o" and
     * "o w" both occur 3 times, the tie goes to the smaller first id ('l'); then "lo w" (3), "Ġ low" and "low e" (2
     * each; a byte's id is below any merged symbol's), "Ġlow e" (2); then every pair occurs once: "s t" (two bytes),
     * "Ġlowe r" (the byte 'r' before the merged "st"), "Ġlowe st"; then nothing is left to merge.
     */
    @Test
    void mergesTheMostFrequentPairAndBreaksTiesBySmallerIds() {
        BpeVocabulary v = new BpeTrainer(256 + 20 + SpecialTokens.ALL.size(), SpecialTokens.ALL).train(List.of("low lower lowest"));
        assertEquals(List.of("l o", "lo w", "Ġ low", "Ġlow e", "s t", "Ġlowe r", "Ġlowe st"), v.merges());
        assertEquals(256 + 7, v.vocab().size(), "training stops when no pair is left");
    }

    private static List<String> repeat(List<String> texts, int times) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.addAll(texts);
        }
        return out;
    }
}
