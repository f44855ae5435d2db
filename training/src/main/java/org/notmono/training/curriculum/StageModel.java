package org.notmono.training.curriculum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.notmono.model.train.NamedAdam;

/** What {@link LmStageRunner} trains: a set of examples, one optimisation step on some of them, and a checkpoint. */
public interface StageModel {
    /** How one step went: the loss before the update and the tokens the decoder read. */
    record Step(float loss, long tokens) {
    }

    /** The number of examples the stage draws its batches from. */
    int examples();

    /**
     * The positions example {@code i} fills in a batch, as far as it differs between examples
     * (length buckets sort by it; audio tokens, the same for every clip, may be left out).
     */
    int length(int i);

    /** One update on the examples {@code batch} at learning rate {@code learningRate}. */
    Step step(int[] batch, float learningRate);

    /** The optimizer of the trained arrays: its moments and step count go into each checkpoint ({@link NamedAdam#FILE}). */
    NamedAdam optimizer();

    /** Writes a checkpoint to {@code dir} (atomically), the optimizer's state included; {@code training} goes into its model.json. */
    void checkpoint(Path dir, Map<String, Object> training) throws IOException;
}
