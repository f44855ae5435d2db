package org.notmono.model.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trains a byte-level BPE vocabulary (the scheme of GPT-2 and Qwen) on a corpus: start from the
 * 256 byte symbols and repeatedly merge the most frequent adjacent pair inside the
 * pre-tokenized words until the vocabulary, special tokens included, has the asked size.
 * Ties go to the pair whose symbols have the smaller ids, so training is deterministic.
 */
public final class BpeTrainer {
    private final int vocabSize;
    private final List<String> specialTokens;

    /**
     * @param vocabSize final vocabulary size, special tokens included (at least 256 + specials)
     * @param specialTokens tokens kept whole, appended after the learned vocabulary
     */
    public BpeTrainer(int vocabSize, List<String> specialTokens) {
        if (vocabSize < 256 + specialTokens.size()) {
            throw new IllegalArgumentException("vocabulary of " + vocabSize + " cannot hold the 256 bytes and "
                    + specialTokens.size() + " special tokens");
        }
        this.vocabSize = vocabSize;
        this.specialTokens = List.copyOf(specialTokens);
    }

    /** Learns the merges on {@code corpus} (special tokens in it are not split into bytes, and not learned). */
    public BpeVocabulary train(Iterable<String> corpus) {
        Map<String, Integer> wordCounts = new HashMap<>();
        for (String text : corpus) {
            for (String piece : splitOnSpecials(text)) {
                for (String w : ByteLevel.words(piece)) {
                    wordCounts.merge(w, 1, Integer::sum);
                }
            }
        }
        List<String> symbols = new ArrayList<>(ByteLevel.alphabet());
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            ids.put(symbols.get(i), i);
        }
        List<int[]> words = new ArrayList<>();
        List<Integer> freqs = new ArrayList<>();
        wordCounts.keySet().stream().sorted().forEach(w -> {
            int[] s = new int[w.length()];
            for (int i = 0; i < s.length; i++) {
                s[i] = ids.get(String.valueOf(w.charAt(i)));
            }
            words.add(s);
            freqs.add(wordCounts.get(w));
        });
        Map<Long, Long> pairCounts = new HashMap<>();
        Map<Long, Set<Integer>> pairWords = new HashMap<>();
        for (int wi = 0; wi < words.size(); wi++) {
            addPairs(words.get(wi), wi, freqs.get(wi), pairCounts, pairWords);
        }
        List<String> merges = new ArrayList<>();
        int target = vocabSize - specialTokens.size();
        while (symbols.size() < target) {
            long best = -1;
            long bestCount = 0;
            for (Map.Entry<Long, Long> e : pairCounts.entrySet()) {
                long c = e.getValue();
                if (c > bestCount || (c == bestCount && c > 0 && e.getKey() < best)) {
                    best = e.getKey();
                    bestCount = c;
                }
            }
            if (bestCount < 1) {
                break; // the corpus has nothing left to merge
            }
            int a = (int) (best >>> 32);
            int b = (int) best;
            int merged = symbols.size();
            symbols.add(symbols.get(a) + symbols.get(b));
            merges.add(symbols.get(a) + " " + symbols.get(b));
            for (int wi : new ArrayList<>(pairWords.getOrDefault(best, Set.of()))) {
                int[] old = words.get(wi);
                int f = freqs.get(wi);
                removePairs(old, wi, f, pairCounts, pairWords);
                int[] now = mergeWord(old, a, b, merged);
                words.set(wi, now);
                addPairs(now, wi, f, pairCounts, pairWords);
            }
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            vocab.put(symbols.get(i), i);
        }
        return new BpeVocabulary(vocab, merges, specialTokens);
    }

    private List<String> splitOnSpecials(String text) {
        List<String> pieces = new ArrayList<>(List.of(text));
        for (String special : specialTokens) {
            List<String> next = new ArrayList<>();
            for (String p : pieces) {
                for (String part : p.split(java.util.regex.Pattern.quote(special), -1)) {
                    if (!part.isEmpty()) {
                        next.add(part);
                    }
                }
            }
            pieces = next;
        }
        return pieces;
    }

    private static int[] mergeWord(int[] s, int a, int b, int merged) {
        int[] out = new int[s.length];
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i + 1 < s.length && s[i] == a && s[i + 1] == b) {
                out[n++] = merged;
                i++;
            } else {
                out[n++] = s[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    private static void addPairs(int[] s, int wi, int f, Map<Long, Long> counts, Map<Long, Set<Integer>> where) {
        for (int i = 0; i + 1 < s.length; i++) {
            long k = key(s[i], s[i + 1]);
            counts.merge(k, (long) f, Long::sum);
            where.computeIfAbsent(k, x -> new HashSet<>()).add(wi);
        }
    }

    private static void removePairs(int[] s, int wi, int f, Map<Long, Long> counts, Map<Long, Set<Integer>> where) {
        for (int i = 0; i + 1 < s.length; i++) {
            long k = key(s[i], s[i + 1]);
            long left = counts.merge(k, (long) -f, Long::sum);
            if (left <= 0) {
                counts.remove(k);
            }
            Set<Integer> ws = where.get(k);
            if (ws != null) {
                ws.remove(wi);
            }
        }
    }
}
