package org.notmono.model.lalm;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.train.LmBatch;

/**
 * Training batches for supervised answers: each example is a prompt holding the audio anchor
 * and the answer that should follow it. The anchor is replaced by the example's audio tokens;
 * the loss mask selects exactly the positions that predict an answer token (the end-of-turn
 * marker included), so neither the prompt nor the audio positions are ever in the loss.
 * Shorter examples are padded at the end with zero embeddings outside the mask.
 */
public final class AnswerOnlyBatch {
    private AnswerOnlyBatch() {
    }

    /** A prompt (with the anchor once) and its answer, as token ids. */
    public record Example(long[] prompt, long[] answer) {
    }

    /**
     * @param audio [B, A, d] audio tokens, row i for example i
     * @param anchor the id of {@code <AcousticTokens>}
     */
    public static LmBatch of(Qwen2Model lm, List<Example> examples, NDArray audio, long anchor, NDManager manager) {
        int audioTokens = (int) audio.getShape().get(1);
        int b = examples.size();
        int longest = 0;
        for (Example e : examples) {
            longest = Math.max(longest, e.prompt().length - 1 + audioTokens + e.answer().length);
        }
        long d = lm.config().hiddenSize();
        NDList rows = new NDList();
        long[] targets = new long[b * longest];
        float[] mask = new float[b * longest];
        for (int i = 0; i < b; i++) {
            Example e = examples.get(i);
            long[] ids = new long[e.prompt().length + e.answer().length];
            System.arraycopy(e.prompt(), 0, ids, 0, e.prompt().length);
            System.arraycopy(e.answer(), 0, ids, e.prompt().length, e.answer().length);
            NDArray row = PromptEmbedding.embed(lm, ids, anchor, audio.get(i + ":" + (i + 1)), manager);
            int length = (int) row.getShape().get(1);
            if (length < longest) {
                row = row.concat(manager.zeros(new Shape(1, longest - length, d)), 1);
            }
            rows.add(row);
            int firstAnswer = e.prompt().length - 1 + audioTokens;
            for (int k = 0; k < e.answer().length; k++) {
                int position = firstAnswer + k - 1; // this position predicts answer token k
                targets[i * longest + position] = e.answer()[k];
                mask[i * longest + position] = 1;
            }
        }
        return new LmBatch(NDArrays.concat(rows, 0), manager.create(targets, new Shape(b, longest)),
                manager.create(mask, new Shape(b, longest)));
    }
}
