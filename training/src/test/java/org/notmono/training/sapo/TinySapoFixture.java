package org.notmono.training.sapo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.notmono.audio.AudioClip;
import org.notmono.model.encoder.ClipFeatures;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.model.encoder.EncoderConfig;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.lalm.AnswerOnlyBatch;
import org.notmono.model.lalm.ChatPrompt;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.projector.ProjectorKind;
import org.notmono.model.tokenizer.BpeTrainer;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.train.LmTrainingStep;
import org.notmono.model.train.NamedAdam;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaKind;

/**
 * A Stage-3-like tiny LALM (random encoder, a 2-layer decoder) taught by a few supervised steps
 * to answer one multiple-choice question in the tagged format with each letter equally often, so
 * its rollouts differ and only the letter decides the reward: an easy behaviour for SAPO to learn.
 */
final class TinySapoFixture {
    static final String QUESTION = "Where is the dog barking?";
    static final List<String> OPTIONS = List.of("front", "left", "right", "behind");
    static final String CLIP = "clip-0.wav";

    final Path encoderDir;
    final Path tokenizer;

    TinySapoFixture(Path dir) throws IOException {
        encoderDir = dir.resolve("encoder");
        try (EncoderModel encoder = EncoderModel.create(EncoderConfig.named("tiny"), List.of("dog_bark", "female_speech", "piano"), 4,
                Device.cpu())) {
            EncoderCheckpoint.save(encoder, encoderDir, Map.of());
        }
        tokenizer = dir.resolve("tokenizer.json");
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int c = 0; c < 4; c++) {
                corpus.add(prompt() + answer(c));
            }
        }
        new BpeTrainer(360, SpecialTokens.ALL).train(corpus).write(tokenizer);
    }

    /** An item SAPO trains on whose right answer is {@code truth}. */
    static QaItem item(char truth) {
        return new QaItem("q-" + truth, "s-0", CLIP, Family.AZIMUTH, QaKind.MCQ, "azimuth/t1", QUESTION, OPTIONS, String.valueOf(truth),
                OPTIONS.get(truth - 'A'), null, List.of("/sources/0/azimuth"), "<answer>" + truth + "</answer>", null);
    }

    static String prompt() {
        return ChatPrompt.render(List.of(), ChatPrompt.question(QUESTION, OPTIONS), true);
    }

    /** A well-formed answer choosing option {@code c}: the reasoning names what is heard and where. */
    static String answer(int c) {
        return "<think>I hear the dog bark on my " + OPTIONS.get(c) + ", close to me.</think><answer>" + (char) ('A' + c) + "</answer>";
    }

    /** A fresh model, supervised until it writes the format with every letter about equally likely. */
    LalmModel model() throws IOException {
        Qwen2Model lm = Qwen2Model.create(new Qwen2Config(360, 64, 128, 2, 4, 2, 256, 10000, 1e-6, true), 5, NDManager.newBaseManager());
        LalmModel model = LalmModel.assemble("sapo-test", encoderDir, lm, tokenizer, ProjectorKind.P2, 32, 64, 6);
        List<AnswerOnlyBatch.Example> examples = new ArrayList<>();
        long[] ids = model.tokenizer().encode(prompt());
        for (int c = 0; c < 4; c++) {
            examples.add(new AnswerOnlyBatch.Example(ids, model.tokenizer().encode(ChatPrompt.assistantCompletion(answer(c)))));
        }
        LmTrainingStep step = new LmTrainingStep(lm, new NamedAdam(lm.weights(), 0), 1.0);
        EncodedClips clips = clips(model);
        try (NDManager m = lm.manager().newSubManager()) {
            var encoded = clips.encoded(CLIP, m);
            for (int s = 0; s < 60; s++) {
                step.run(b -> AnswerOnlyBatch.of(lm, examples, model.project(encoded, b).repeat(0, 4), model.anchor(), b), 3e-3f);
            }
        }
        return model;
    }

    /** Encoder outputs of one noise clip, computed once (as Stage 4 reads them from a cache). */
    static EncodedClips clips(LalmModel model) {
        SplittableRandom random = new SplittableRandom(3);
        float[][] channels = new float[4][16000 * 4];
        for (float[] c : channels) {
            for (int i = 0; i < c.length; i++) {
                c[i] = (float) (0.1 * random.nextGaussian());
            }
        }
        ClipFeatures features = model.features(new AudioClip(16000, channels));
        return (clip, manager) -> {
            if (!clip.equals(CLIP)) {
                throw new IOException("no cached encoder output for " + clip);
            }
            return model.encode(List.of(features), manager);
        };
    }
}
