package org.notmono.training.curriculum;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.notmono.model.encoder.EncoderOutput;

/** Encoder outputs of single clips ([1, ...] arrays each) as one batch. */
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
}
