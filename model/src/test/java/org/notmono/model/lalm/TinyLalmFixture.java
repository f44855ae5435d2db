package org.notmono.model.lalm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.model.encoder.ClipFeatures;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.model.encoder.EncoderConfig;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.projector.ProjectorKind;
import org.notmono.model.tokenizer.BpeTrainer;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.train.LmTrainingStep;
import org.notmono.model.train.NamedAdam;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TaskContext;

/**
 * A tiny LALM trained in seconds to overfit a handful of questions about two rendered scenes
 * with different source counts: the same question has a different answer for each clip, so
 * answering right needs the audio.
 */
final class TinyLalmFixture {
    static final String COUNT_QUESTION = "How many sources do you hear?";
    static final String MCQ_QUESTION = "How many sound sources are in the room?";
    static final List<String> OPTIONS = List.of("One", "Two", "Three", "Four");
    private static final String[] WORDS = {"no", "one", "two", "three"};

    final List<Path> wavs = new ArrayList<>();
    final List<Integer> counts = new ArrayList<>();
    final Path checkpoint;
    final Path encoderDir;

    TinyLalmFixture(Path dir) throws IOException {
        renderTwoScenes(dir);
        encoderDir = dir.resolve("encoder");
        try (EncoderModel encoder = EncoderModel.create(EncoderConfig.named("tiny"), List.of("dog_bark", "female_speech", "piano"), 4,
                Device.cpu())) {
            EncoderCheckpoint.save(encoder, encoderDir, Map.of());
        }
        Path tokenizer = dir.resolve("tokenizer.json");
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (int c = 1; c <= 3; c++) {
                corpus.add(ChatPrompt.render(List.of(), ChatPrompt.question(MCQ_QUESTION, OPTIONS), false) + openAnswer(c) + mcqAnswer(c));
                corpus.add(ChatPrompt.render(List.of(), COUNT_QUESTION, false));
            }
        }
        new BpeTrainer(400, SpecialTokens.ALL).train(corpus).write(tokenizer);
        Qwen2Model lm = Qwen2Model.create(new Qwen2Config(400, 64, 128, 2, 4, 2, 256, 10000, 1e-6, true), 5,
                NDManager.newBaseManager());
        try (LalmModel model = LalmModel.assemble("test", encoderDir, lm, tokenizer, ProjectorKind.P2, 32, 64, 6)) {
            train(model);
            checkpoint = dir.resolve("lalm-test");
            LalmCheckpoint.save(model, checkpoint, Map.of("steps", "fixture"));
        }
    }

    static String openAnswer(int count) {
        return "<answer>I hear " + WORDS[count] + (count == 1 ? " source" : " sources") + ".</answer>";
    }

    static String mcqAnswer(int count) {
        return "<answer>" + (char) ('A' + count - 1) + ". " + OPTIONS.get(count - 1) + "</answer>";
    }

    private void renderTwoScenes(Path dir) throws IOException {
        var library = ClipLibraries.standard();
        ClipLoader clips = new ClipLoader(library, dir);
        RandomSceneGenerator generator = new RandomSceneGenerator(library, 4.0);
        for (int index = 0; wavs.size() < 2; index++) {
            Scene scene = generator.generate(100_000, index);
            if (!counts.isEmpty() && counts.getFirst() == scene.sources().size()) {
                continue;
            }
            RenderedScene rendered = new SceneRenderer(clips).render(scene, TaskContext.none());
            Path wav = dir.resolve("scene-" + index + ".wav");
            Wav.write(wav, new AudioClip(scene.sampleRate(), rendered.audio()), SampleEncoding.FLOAT_32);
            wavs.add(wav);
            counts.add(scene.sources().size());
        }
    }

    /** Trains the whole LM and the projector on 4 examples (2 clips x 2 questions) until the answers are learnt. */
    private void train(LalmModel model) throws IOException {
        List<AnswerOnlyBatch.Example> examples = new ArrayList<>();
        List<ClipFeatures> features = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            features.add(model.features(Wav.read(wavs.get(i))));
            int c = counts.get(i);
            examples.add(example(model, ChatPrompt.question(COUNT_QUESTION, null), openAnswer(c)));
            examples.add(example(model, ChatPrompt.question(MCQ_QUESTION, OPTIONS), mcqAnswer(c)));
        }
        Map<String, NDArray> trainable = new java.util.LinkedHashMap<>(model.lm().weights());
        trainable.putAll(model.projectorParameters());
        LmTrainingStep step = new LmTrainingStep(model.lm(), new NamedAdam(trainable, 0), 1.0);
        try (NDManager cache = model.lm().manager().newSubManager()) {
            EncoderOutput encoded = model.encode(features, cache);
            for (int s = 0; s < 300; s++) {
                float loss = step.run(m -> {
                    NDArray audio = model.project(encoded, m).repeat(0, 2); // rows: clip 0, clip 0, clip 1, clip 1
                    return AnswerOnlyBatch.of(model.lm(), examples, audio, model.anchor(), m);
                }, 3e-3f);
                if (loss < 0.02) {
                    break;
                }
            }
        }
    }

    private static AnswerOnlyBatch.Example example(LalmModel model, String user, String answer) {
        return new AnswerOnlyBatch.Example(model.tokenizer().encode(ChatPrompt.render(List.of(), user, false)),
                model.tokenizer().encode(ChatPrompt.assistantCompletion(answer)));
    }
}
