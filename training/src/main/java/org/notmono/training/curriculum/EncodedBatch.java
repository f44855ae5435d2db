package org.notmono.training.curriculum;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.lalm.AnswerOnlyBatch;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.train.LmBatch;

/** Encoder outputs of single clips ([1, ...] arrays each) as one batch, and the decoder batch of examples heard with them. */
final class EncodedBatch {
    private EncodedBatch() {
    }

    /** The clips' outputs stacked row by row, in {@code manager}. */
    static EncoderOutput of(List<NDList> clips, NDManager manager) {
        NDList out = new NDList();
        for (int k = 0; k < clips.getFirst().size(); k++) {
            NDList column = new NDList();
            for (NDList c : clips) {
                column.add(c.get(k));
            }
            NDArray joined = NDArrays.concat(column, 0);
            joined.attach(manager);
            out.add(joined);
        }
        return new EncoderOutput(out);
    }

    /**
     * The examples with their clips' audio tokens (projected in {@code manager}, so gradients reach
     * the projector) in place of the anchor; adds the positions the decoder reads to {@code tokens[0]}.
     */
    static LmBatch heard(LalmModel model, List<AnswerOnlyBatch.Example> examples, List<NDList> clips, NDManager manager,
                         long[] tokens) {
        NDArray audio = model.project(of(clips, manager), manager);
        long audioTokens = audio.getShape().get(1);
        for (AnswerOnlyBatch.Example e : examples) {
            tokens[0] += e.prompt().length - 1 + audioTokens + e.answer().length;
        }
        return AnswerOnlyBatch.of(model.lm(), examples, audio, model.anchor(), manager);
    }
}
