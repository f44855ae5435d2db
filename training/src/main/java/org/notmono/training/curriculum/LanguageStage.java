package org.notmono.training.curriculum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.lalm.AnswerOnlyBatch;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.train.LmBatch;
import org.notmono.model.train.LmTrainingStep;
import org.notmono.model.train.NamedAdam;

/**
 * Stage 0's model: the decoder and the projector train together on text, and on questions
 * heard from each scene's truth in the encoder's output shape ({@link OracleSlots}), so the
 * decoder learns to read the projector's tokens as well as a written description. The encoder
 * rides along untouched.
 */
public final class LanguageStage implements StageModel {
    /** A question heard from a scene's truth: the example, the scene's RTSD and the encoder's outputs for its clip. */
    public record Heard(AnswerOnlyBatch.Example example, JsonNode rtsd, NDList encoded) {
    }

    private final LalmModel model;
    private final List<AnswerOnlyBatch.Example> text;
    private final List<Heard> heard;
    private final long seed;
    private final NamedAdam optimizer;
    private final LmTrainingStep update;
    private final long pad;

    /** Examples {@code 0..text-1} are text; the rest are {@code heard}, in order. */
    public LanguageStage(LalmModel model, List<AnswerOnlyBatch.Example> text, List<Heard> heard, long seed, double gradientClip)
            throws IOException {
        this.model = model;
        this.text = text;
        this.heard = heard;
        this.seed = seed;
        Map<String, NDArray> trained = new LinkedHashMap<>(model.lm().weights());
        trained.putAll(model.projectorParameters());
        this.optimizer = new NamedAdam(trained, 0);
        this.update = new LmTrainingStep(model.lm(), optimizer, gradientClip);
        this.pad = model.tokenizer().id(SpecialTokens.END_OF_TEXT);
    }

    @Override
    public int examples() {
        return text.size() + heard.size();
    }

    /** Text examples fill their tokens; heard ones their tokens, the anchor replaced by the clip's audio tokens. */
    @Override
    public int length(int i) {
        if (i < text.size()) {
            return text.get(i).prompt().length + text.get(i).answer().length;
        }
        Heard h = heard.get(i - text.size());
        int frames = (int) new EncoderOutput(h.encoded()).semanticFrames().getShape().get(1);
        return h.example().prompt().length - 1 + model.projector().config().tokens(frames) + h.example().answer().length;
    }

    @Override
    public Step step(int[] batch, float learningRate) {
        List<AnswerOnlyBatch.Example> written = new ArrayList<>();
        List<Integer> spoken = new ArrayList<>();
        long[] tokens = new long[1];
        for (int i : batch) {
            if (i < text.size()) {
                written.add(text.get(i));
                tokens[0] += text.get(i).prompt().length + text.get(i).answer().length - 1;
            } else {
                spoken.add(i - text.size());
            }
        }
        float loss = update.run(m -> {
            List<LmBatch> parts = new ArrayList<>();
            if (!written.isEmpty()) {
                parts.add(TextBatch.of(model.lm(), written, pad, m));
            }
            if (!spoken.isEmpty()) {
                List<AnswerOnlyBatch.Example> examples = new ArrayList<>();
                List<NDList> truths = new ArrayList<>();
                for (int k : spoken) {
                    Heard h = heard.get(k);
                    examples.add(h.example());
                    EncoderOutput truth = OracleSlots.of(h.rtsd(), h.encoded(), model.encoderModel().classes(),
                            new Random(seed * 1_000_003L + k), m);
                    truths.add(truth.arrays());
                }
                parts.add(EncodedBatch.heard(model, examples, truths, m, tokens));
            }
            return LmBatch.stacked(parts, m);
        }, learningRate);
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
