package org.notmono.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import picocli.CommandLine;

/** The commands as the app runs them: InputException -> exit 2 with a one-line reason, other failures -> 1. */
class CliTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(Callable<Integer> command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            err.write(e.getMessage() + "\n");
            return e instanceof InputException ? 2 : 1;
        });
        return cl.execute(args);
    }

    @Test
    void rirF32MatchesPyroomacousticsFoaFile() throws IOException {
        Path out = dir.resolve("r.f32");
        assertEquals(0, run(new RirCommand(), "--room", "6,5,3", "--absorption", "0.2", "--source", "2,3,1.5",
                "--receiver", "4,2,1.7", "--fs", "16000", "--order", "10", "--format", "f32", "-o", out.toString()));
        byte[] ours = Files.readAllBytes(out);
        byte[] ref;
        try (InputStream in = getClass().getResourceAsStream("/pyroomacoustics/foa_fs16000_a0.2_o10.f32")) {
            ref = in.readAllBytes();
        }
        assertEquals(ref.length, ours.length);
        java.nio.FloatBuffer a = java.nio.ByteBuffer.wrap(ours).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        java.nio.FloatBuffer b = java.nio.ByteBuffer.wrap(ref).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        double peak = 0, diff = 0;
        for (int i = 0; i < b.limit(); i++) {
            peak = Math.max(peak, Math.abs(b.get(i)));
            diff = Math.max(diff, Math.abs(a.get(i) - b.get(i)));
        }
        assertTrue(diff <= 2e-3 * peak, "max diff " + diff + " peak " + peak);
    }

    @Test
    void rirWavWithTail() throws IOException {
        Path out = dir.resolve("r.wav");
        assertEquals(0, run(new RirCommand(), "--room", "6,5,3", "--rt60", "0.5", "--source", "2,3,1.5",
                "--receiver", "4,2,1.7", "--tail", "eyring", "--hpf", "-o", out.toString()));
        AudioClip clip = Wav.read(out);
        assertEquals(4, clip.channelCount());
        assertTrue(clip.duration() > 0.5);
        assertEquals(0, run(new AcousticsCommand(), out.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--room 6,5,3 --source 2,3,1.5 --absorption 0", "--room 6,5,3 --source 2,3,1.5 --absorption 1.5",
        "--room 6,5,3 --source 2,3,1.5 --rt60 0.01", "--room 6,5,3 --source 2,3,1.5 --absorption 0.2 --tail long",
        "--room 6,5,3 --source 9,1,1 --absorption 0.2", "--room 6,5 --source 2,3,1.5 --absorption 0.2",
        "--room 1e6,1e6,1e6 --source 2,3,1.5 --absorption 1",
    })
    void badInputExitsWithTwoAndWritesNothing(String variant) throws IOException {
        Path out = dir.resolve("bad.wav");
        String args = variant + " --receiver 4,2,1.7 -o " + out;
        assertEquals(2, run(new RirCommand(), args.split(" ")), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count(), "no file left");
        }
    }

    @Test
    void contradictoryOptionsAreAUsageError() {
        // picocli's own usage errors exit 2 as well (the app prints them)
        assertEquals(2, run(new RirCommand(), "--room", "6,5,3", "--absorption", "0.2", "--rt60", "0.5", "--source", "2,3,1.5",
                "--receiver", "4,2,1.7", "-o", dir.resolve("r.wav").toString()));
        assertFalse(Files.exists(dir.resolve("r.wav")));
    }

    @Test
    void unwritableOutputFolderExitsWithTwo() {
        assertEquals(2, run(new RirCommand(), "--room", "6,5,3", "--absorption", "0.2", "--source", "2,3,1.5",
                "--receiver", "4,2,1.7", "-o", dir.resolve("no/such/folder/r.wav").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }

    @Test
    void randomSceneRendersAndIsReproducible() throws IOException {
        Path a = dir.resolve("a.scene.json"), b = dir.resolve("b.scene.json");
        assertEquals(0, run(new SceneCommand(), "random", "--seed", "3", "--index", "5", "--duration", "1", "-o", a.toString()));
        assertEquals(0, run(new SceneCommand(), "random", "--seed", "3", "--index", "5", "--duration", "1", "-o", b.toString()));
        assertEquals(Files.readString(a), Files.readString(b));
        Path wav = dir.resolve("a.wav");
        assertEquals(0, run(new RenderCommand(), a.toString(), "-o", wav.toString()));
        assertEquals(4, Wav.read(wav).channelCount());
        assertTrue(Files.exists(dir.resolve("a.rtsd.json")));
    }

    @Test
    void badSceneExitsWithTwoNamingThePath() throws IOException {
        Path scene = dir.resolve("bad.scene.json");
        Files.writeString(scene, "{\"format\": \"notmono.scene/1\", \"sampleRate\": 16000}");
        assertEquals(2, run(new RenderCommand(), scene.toString(), "-o", dir.resolve("x.wav").toString()));
        assertTrue(err.toString().contains("bad.scene.json: duration: missing"), err.toString());
        assertFalse(Files.exists(dir.resolve("x.wav")));
    }

    @Test
    void missingClipExitsWithTwo() throws IOException {
        Path scene = dir.resolve("s.scene.json");
        Files.writeString(scene, """
                {"format": "notmono.scene/1", "sampleRate": 16000, "duration": 1.0,
                 "room": {"size": [6, 5, 3], "absorption": 0.3},
                 "receiver": {"position": [4, 2, 1.7]},
                 "sources": [{"id": "s1", "clip": "gone.wav", "position": [2, 3, 1.5]}]}
                """);
        assertEquals(2, run(new RenderCommand(), scene.toString(), "-o", dir.resolve("x.wav").toString()));
        assertTrue(err.toString().contains("gone.wav"), err.toString());
        assertFalse(Files.exists(dir.resolve("x.wav")));
    }

    @Test
    void datasetAndAcousticsBadInput() throws IOException {
        assertEquals(2, run(new DatasetCommand(), "--seed", "1", "--count", "0", "-o", dir.resolve("d").toString()));
        assertEquals(2, run(new AcousticsCommand(), dir.resolve("none.wav").toString()));
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertEquals(2, run(new DatasetCommand(), "--seed", "1", "--count", "1", "-o", file.resolve("d").toString()));
        assertEquals(2, run(new DatasetCommand(), "--seed", "1", "--count", "1", "-o", file.toString()));
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.writeString(corrupt.resolve("manifest.json"), "{not json");
        assertEquals(2, run(new DatasetCommand(), "--seed", "1", "--count", "1", "-o", corrupt.toString()));
        assertTrue(err.toString().contains("is not a dataset manifest"), err.toString());
        assertEquals(5, err.toString().strip().lines().count(), "one line per failure: " + err);
    }

    @Test
    void acousticsOfAnEmptyOrSilentFileIsRefusedNotNaN() throws IOException {
        Path empty = dir.resolve("empty.wav");
        Wav.write(empty, new AudioClip(16000, new float[1][0]), org.notmono.audio.SampleEncoding.PCM_16);
        assertEquals(2, run(new AcousticsCommand(), empty.toString()));
        Path silent = dir.resolve("silent.wav");
        Wav.write(silent, new AudioClip(16000, new float[1][800]), org.notmono.audio.SampleEncoding.PCM_16);
        assertEquals(2, run(new AcousticsCommand(), silent.toString()));
        assertEquals(dir.resolve("empty.wav") + ": the first channel is empty; there is no decay to measure\n"
                + silent + ": the first channel is silent; there is no decay to measure", err.toString().strip());
    }

    @Test
    void outputsOntoAFolderOrThroughALinkNeverReplaceThem() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out.wav"));
        assertEquals(2, run(new RirCommand(), "--room", "6,5,3", "--absorption", "0.2", "--source", "2,3,1.5",
                "--receiver", "4,2,1.7", "--order", "2", "-o", folder.toString()));
        assertTrue(Files.isDirectory(folder));
        Path real = Files.writeString(dir.resolve("real.f32"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.f32"), real.getFileName());
        assertEquals(0, run(new RirCommand(), "--room", "6,5,3", "--absorption", "0.2", "--source", "2,3,1.5",
                "--receiver", "4,2,1.7", "--order", "2", "-o", link.toString()));
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertTrue(Files.size(real) > 1000, "its target holds the RIR");
    }

    @Test
    void everyCommandHasHelp() {
        for (Callable<Integer> c : java.util.List.<Callable<Integer>>of(new RirCommand(), new RenderCommand(), new SceneCommand(),
                new RandomSceneCommand(), new DatasetCommand(), new AcousticsCommand(), new SimBenchCommand())) {
            assertEquals(0, run(c, "--help"), c.getClass().getSimpleName());
        }
    }
}
