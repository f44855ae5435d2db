package org.notmono.training.curriculum;

import java.util.List;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.notmono.model.lalm.AnswerOnlyBatch;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.train.LmBatch;

/**
 * Text-only training batches (Stage 0): each example's prompt and completion as one token
 * sequence; the mask selects exactly the positions that predict a completion token. Shorter
 * rows are padded at the end with {@code pad}, outside the mask.
 */
public final class TextBatch {
    private TextBatch() {
    }

    public static LmBatch of(Qwen2Model lm, List<AnswerOnlyBatch.Example> examples, long pad, NDManager manager) {
        int b = examples.size();
        int longest = 0;
        for (AnswerOnlyBatch.Example e : examples) {
            longest = Math.max(longest, e.prompt().length + e.answer().length - 1);
        }
        long[] inputs = new long[b * longest];
        long[] targets = new long[b * longest];
        float[] mask = new float[b * longest];
        java.util.Arrays.fill(inputs, pad);
        for (int i = 0; i < b; i++) {
            AnswerOnlyBatch.Example e = examples.get(i);
            int length = e.prompt().length + e.answer().length;
            for (int p = 0; p < length - 1; p++) {
                inputs[i * longest + p] = token(e, p);
                targets[i * longest + p] = token(e, p + 1);
                mask[i * longest + p] = p + 1 >= e.prompt().length ? 1 : 0;
            }
        }
        Shape shape = new Shape(b, longest);
        return new LmBatch(lm.embed(manager.create(inputs, shape)), manager.create(targets, shape), manager.create(mask, shape));
    }

    private static long token(AnswerOnlyBatch.Example e, int position) {
        return position < e.prompt().length ? e.prompt()[position] : e.answer()[position - e.prompt().length];
    }
}
