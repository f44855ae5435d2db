package org.notmono.model.lalm;

import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.notmono.model.lm.Qwen2Model;

/**
 * The decoder's input for a token sequence holding the audio anchor once: the embeddings of
 * the tokens before it, the audio tokens in its place, then the embeddings of the tokens after.
 */
public final class PromptEmbedding {
    private PromptEmbedding() {
    }

    /** Position of the single anchor in {@code ids}; fails when it is missing or repeated. */
    public static int anchorIndex(long[] ids, long anchor) {
        int at = -1;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == anchor) {
                if (at >= 0) {
                    throw new IllegalArgumentException("the prompt holds the audio anchor more than once");
                }
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalArgumentException("the prompt holds no audio anchor");
        }
        return at;
    }

    /**
     * Embeddings [1, ids - 1 + A, d] of {@code ids} with the anchor replaced by {@code audio} [1, A, d],
     * in {@code manager}.
     */
    public static NDArray embed(Qwen2Model lm, long[] ids, long anchor, NDArray audio, NDManager manager) {
        int at = anchorIndex(ids, anchor);
        NDArray result = audio;
        if (at > 0) {
            long[] before = Arrays.copyOfRange(ids, 0, at);
            result = lm.embed(manager.create(before, new Shape(1, before.length))).concat(result, 1);
        }
        if (at + 1 < ids.length) {
            long[] after = Arrays.copyOfRange(ids, at + 1, ids.length);
            result = result.concat(lm.embed(manager.create(after, new Shape(1, after.length))), 1);
        }
        result.attach(manager);
        return result;
    }
}
