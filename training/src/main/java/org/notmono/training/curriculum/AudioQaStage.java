package org.notmono.training.curriculum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.notmono.model.lalm.AnswerOnlyBatch;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.train.LmTrainingStep;
import org.notmono.model.train.NamedAdam;

/**
 * Stages 2 and 3: questions heard from clips whose encoder outputs were computed once
 * ({@link FeatureCache}); gradients reach only the arrays given to train (the projector, and
 * in Stage 3 the LoRA adapters), everything else stays bit-identical.
 */
public final class AudioQaStage implements StageModel {
    private final LalmModel model;
    private final List<AnswerOnlyBatch.Example> examples;
    private final List<NDList> encoded;
    private final NamedAdam optimizer;
    private final LmTrainingStep update;

    /**
     * @param encoded the encoder's outputs ([1, ...] arrays) of each example's clip, row for row with {@code examples}
     * @param trainable the arrays to train, by name
     */
    public AudioQaStage(LalmModel model, List<AnswerOnlyBatch.Example> examples, List<NDList> encoded,
                        Map<String, NDArray> trainable, double gradientClip) {
        if (examples.size() != encoded.size()) {
            throw new IllegalArgumentException(examples.size() + " examples but " + encoded.size() + " encoded clips");
        }
        this.model = model;
        this.examples = examples;
        this.encoded = encoded;
        this.optimizer = new NamedAdam(trainable, 0);
        this.update = new LmTrainingStep(model.lm(), optimizer, gradientClip);
    }

    @Override
    public int examples() {
        return examples.size();
    }

    /** The example's tokens; its clip's audio tokens are the same for every example and left out. */
    @Override
    public int length(int i) {
        return examples.get(i).prompt().length + examples.get(i).answer().length;
    }

    @Override
    public Step step(int[] batch, float learningRate) {
        List<AnswerOnlyBatch.Example> chosen = new ArrayList<>();
        List<NDList> clips = new ArrayList<>();
        for (int i : batch) {
            chosen.add(examples.get(i));
            clips.add(encoded.get(i));
        }
        long[] tokens = new long[1];
        float loss = update.run(m -> EncodedBatch.heard(model, chosen, clips, m, tokens), learningRate);
        return new Step(loss, tokens[0]);
    }

    @Override
    public NamedAdam optimizer() {
        return optimizer;
    }

    @Override
    public void checkpoint(Path dir, Map<String, Object> training) throws IOException {
        LalmCheckpoint.save(model, dir, training, folder -> optimizer.save(folder.resolve(NamedAdam.FILE)));
    }
}
