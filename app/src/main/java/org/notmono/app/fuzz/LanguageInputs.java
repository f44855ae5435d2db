package org.notmono.app.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.notmono.app.CliExit;
import org.notmono.app.cli.CommandLineRunner;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.model.encoder.EncoderConfig;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.lalm.ChatPrompt;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.projector.ProjectorKind;
import org.notmono.model.tokenizer.BpeTrainer;
import org.notmono.model.tokenizer.SpecialTokens;

/**
 * The valid inputs of the language side that the language fuzz cases mutate, made once per run
 * and small: a 1-s FOA clip, an untrained tiny encoder checkpoint, an untrained tiny LALM
 * checkpoint over it (random weights answer nonsense, but every file is real and loads), an
 * {@code ask --batch} file, and an 18-item ASA benchmark folder built by the real command.
 */
public final class LanguageInputs {
    static final String QUESTION = "How many sound sources are in the room?";
    static final List<String> OPTIONS = List.of("One", "Two", "Three", "Four");
    private static final int FS = 16000;

    private final Path clip;
    private final Path encoder;
    private final Path lalm;
    private final Path batch;
    private final Path benchmark;

    private LanguageInputs(Path folder) {
        clip = folder.resolve("clip.wav");
        encoder = folder.resolve("encoder-fuzz");
        lalm = folder.resolve("lalm-fuzz");
        batch = folder.resolve("questions.jsonl");
        benchmark = folder.resolve("asa");
    }

    /** Writes every base input into {@code folder}; takes some seconds (the benchmark renders its scenes). */
    public static LanguageInputs create(Path folder) throws IOException {
        LanguageInputs in = new LanguageInputs(Files.createDirectories(folder));
        in.writeClip();
        try (EncoderModel model = EncoderModel.create(EncoderConfig.named("tiny"), List.of("dog_bark", "female_speech", "piano"), 4,
                Device.cpu())) {
            EncoderCheckpoint.save(model, in.encoder, Map.of());
        }
        Path tokenizer = folder.resolve("tokenizer.json");
        List<String> corpus = new ArrayList<>();
        for (String option : OPTIONS) {
            corpus.add(ChatPrompt.render(List.of(), ChatPrompt.question(QUESTION, OPTIONS), false) + "<answer>A. " + option + "</answer>");
        }
        new BpeTrainer(300, SpecialTokens.ALL).train(corpus).write(tokenizer);
        try (NDManager manager = NDManager.newBaseManager()) {
            Qwen2Model lm = Qwen2Model.create(new Qwen2Config(300, 32, 64, 1, 2, 1, 512, 10000, 1e-6, true), 5, manager);
            try (LalmModel model = LalmModel.assemble("fuzz", in.encoder, lm, tokenizer, ProjectorKind.P2, 16, 32, 6)) {
                LalmCheckpoint.save(model, in.lalm, Map.of("steps", "none: random weights for fuzzing"));
            }
        }
        Files.writeString(in.batch, "{\"id\":\"q1\",\"clip\":\"clip.wav\",\"question\":\"" + QUESTION + "\",\"options\":[\"One\",\"Two\",\"Three\",\"Four\"]}\n"
                + "{\"id\":\"q2\",\"clip\":\"clip.wav\",\"question\":\"Where is the dog?\",\"options\":null}\n");
        StringWriter err = new StringWriter();
        int exit = CommandLineRunner.run(new String[] {"benchmark", "build", "--seed", "100000", "--items", "18", "--threads", "1",
            "-o", in.benchmark.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (exit != CliExit.OK) {
            throw new IOException("could not build the base benchmark: " + err);
        }
        return in;
    }

    private void writeClip() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        float[][] x = new float[4][FS];
        double[] g = {1, Math.sin(1.0) * Math.cos(0.2), Math.sin(0.2), Math.cos(1.0) * Math.cos(0.2)};
        for (int i = 0; i < FS; i++) {
            double s = 0.1 * r.nextGaussian();
            for (int c = 0; c < 4; c++) {
                x[c][i] = (float) (g[c] * s);
            }
        }
        Wav.write(clip, new AudioClip(FS, x), SampleEncoding.FLOAT_32);
    }

    /** A 1-s, 4-channel FOA clip. */
    public Path clip() {
        return clip;
    }

    /** An encoder checkpoint folder ({@code model.json}, {@code encoder-0000.params}). */
    public Path encoder() {
        return encoder;
    }

    /** A LALM checkpoint folder (model.json, tokenizer.json, lm.safetensors, projector.params, encoder/). */
    public Path lalm() {
        return lalm;
    }

    /** Two {@code ask --batch} lines about {@link #clip()}, relative to the file's folder. */
    public Path batch() {
        return batch;
    }

    /** An 18-item benchmark folder (benchmark.json, items.jsonl, rtsd.jsonl, clips/). */
    public Path benchmark() {
        return benchmark;
    }
}
