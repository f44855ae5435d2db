package org.notmono.model.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's byte-level scheme as Hugging Face's {@code ByteLevel} pre-tokenizer applies it: text
 * is split by GPT-2's pattern, and each UTF-8 byte is shown as one printable character, so a
 * vocabulary of 256 base symbols covers every string.
 */
final class ByteLevel {
    /** GPT-2's split: contractions, letter runs, digit runs, other runs, each with an optional leading space; whitespace. */
    private static final Pattern SPLIT = Pattern.compile(
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final char[] BYTE_TO_CHAR = new char[256];

    static {
        int next = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            BYTE_TO_CHAR[b] = printable ? (char) b : (char) (256 + next++);
        }
    }

    private ByteLevel() {
    }

    /** The 256 base symbols, in byte order. */
    static List<String> alphabet() {
        List<String> out = new ArrayList<>(256);
        for (char c : BYTE_TO_CHAR) {
            out.add(String.valueOf(c));
        }
        return out;
    }

    /** The pre-tokenized words of {@code text}, each in byte-level characters. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = SPLIT.matcher(text);
        while (m.find()) {
            out.add(encode(m.group()));
        }
        return out;
    }

    static String encode(String piece) {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            sb.append(BYTE_TO_CHAR[b & 0xff]);
        }
        return sb.toString();
    }
}
