package org.notmono.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.tokenizer.BpeTrainer;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.tokenizer.TextTokenizer;

/** A small tokenizer and LM config for tests: seconds to build, big enough to mean something. */
public final class TinyLanguage {
    public static final List<String> CORPUS = List.of(
            "A dog barks behind you to the left, about 2 m away.",
            "A woman speaks in front of you; the room is small and dry.",
            "The piano plays above you, far away, in a large reverberant hall.",
            "Two sources: a telephone rings on the right and a man talks behind you.",
            "The room is medium sized and moderately reverberant; one source is near.");

    private TinyLanguage() {
    }

    /** Trains a 320-token tokenizer on {@link #CORPUS} and writes it to {@code dir/tokenizer.json}. */
    public static TextTokenizer tokenizer(Path dir) throws IOException {
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            corpus.addAll(CORPUS);
        }
        new BpeTrainer(320, SpecialTokens.ALL).train(corpus).write(dir.resolve("tokenizer.json"));
        return TextTokenizer.load(dir);
    }

    /** d 32, 2 layers, 4 query / 2 key-value heads, context 128, untied head. */
    public static Qwen2Config config() {
        return new Qwen2Config(320, 32, 64, 2, 4, 2, 128, 10000, 1e-6, false);
    }
}
