package org.notmono.model.tokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;

/**
 * A Hugging Face {@code tokenizer.json} (ours or a Hugging Face model's) through DJL's binding,
 * with its defaults that would corrupt a prompt switched off: no truncation at 512, no padding,
 * no added special tokens. Special tokens in text stay whole; decoding keeps them.
 */
public final class TextTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;

    private TextTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Loads {@code tokenizer.json} (a file, or a folder holding one). */
    public static TextTokenizer load(Path path) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve("tokenizer.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no tokenizer.json");
        }
        try {
            return new TextTokenizer(HuggingFaceTokenizer.newInstance(file,
                    Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false")));
        } catch (RuntimeException e) { // the native tokenizers library rejects a broken file with a bare runtime exception
            throw new IOException(file + ": not a tokenizer file (" + e.getMessage() + ")", e);
        }
    }

    /** Token ids of {@code text}, special tokens as one id each. */
    public long[] encode(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    /**
     * Token ids of each text, as {@link #encode} gives them, in one call: the native library
     * spreads a batch over the cores, where one text at a time is single-threaded.
     */
    public List<long[]> encodeAll(List<String> texts) {
        List<long[]> ids = new ArrayList<>(texts.size());
        for (Encoding e : tokenizer.batchEncode(texts, false, false)) {
            ids.add(e.getIds());
        }
        return ids;
    }

    /** The text of {@code ids}, special tokens included. */
    public String decode(long[] ids) {
        return tokenizer.decode(ids, false);
    }

    /** The id of a token that must encode as exactly one id (a special token); fails naming it otherwise. */
    public long id(String token) throws IOException {
        long[] ids = encode(token);
        if (ids.length != 1) {
            throw new IOException("the tokenizer has no single token for " + token + " (it encodes as " + ids.length + " ids)");
        }
        return ids[0];
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
