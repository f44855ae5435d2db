package org.notmono.viewer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.sim.scene.Angles;
import org.notmono.sim.scene.SlotJson;
import org.notmono.sim.scene.SlotPrediction;

import picocli.CommandLine;

class ViewerCommandsTest {
    @TempDir
    Path dir;

    private Path foa(double az, double el) throws Exception {
        return foa(az, el, 1);
    }

    private Path foa(double az, double el, double scale) throws Exception {
        double[] u = Angles.unitVector(az, el);
        double[] g = {1, u[1], u[2], u[0]};
        float[][] x = new float[4][16000];
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int i = 0; i < x[0].length; i++) {
            double s = r.nextGaussian() * 0.1 * scale;
            for (int c = 0; c < 4; c++) {
                x[c][i] = (float) (g[c] * s);
            }
        }
        Path file = dir.resolve("foa.wav");
        Wav.write(file, new AudioClip(16000, x), SampleEncoding.FLOAT_32);
        return file;
    }

    private static String run(Object command, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            CommandLine cl = new CommandLine(command);
            cl.setExecutionExceptionHandler((e, line, parsed) -> {
                throw e;
            });
            assertEquals(0, cl.execute(args));
        } finally {
            System.setOut(old);
        }
        return out.toString();
    }

    @Test
    void analyzePrintsTheDesignJsonWithTheSourceDirection() throws Exception {
        String json = run(new AnalyzeCommand(), foa(-45, 20).toString(), "--json", "--max-sources", "2");
        SlotPrediction p = SlotJson.parse(json.strip());
        assertEquals(1, p.count());
        assertTrue(Angles.between(p.slots().getFirst().azimuth(), p.slots().getFirst().elevation(), -45, 20) < 0.5);
        String table = run(new AnalyzeCommand(), foa(-45, 20).toString());
        assertTrue(table.contains("-45.0") && table.contains("counter-clockwise"), table);
    }

    @Test
    void analyzeRefusesAStereoFileAndAMissingOne() throws Exception {
        Path stereo = dir.resolve("st.wav");
        Wav.write(stereo, new AudioClip(16000, new float[2][1000]), SampleEncoding.PCM_16);
        AnalyzeCommand c = new AnalyzeCommand();
        c.clip = stereo;
        c.maxSources = 3;
        InputException e = assertThrows(InputException.class, c::call);
        assertTrue(e.getMessage().contains("2 channel(s)"), e.getMessage());
        c.clip = dir.resolve("none.wav");
        assertThrows(InputException.class, c::call);
    }

    @Test
    void spectrogramAndBinauralWriteTheirFiles() throws Exception {
        Path png = dir.resolve("s.png");
        run(new SpectrogramCommand(), foa(0, 0).toString(), "-o", png.toString(), "--width", "300", "--height", "50", "--scale", "mel");
        var image = ImageIO.read(png.toFile());
        assertEquals(300, image.getWidth());
        assertEquals(200, image.getHeight());
        Path wav = dir.resolve("b.wav");
        run(new BinauralCommand(), foa(90, 0).toString(), "-o", wav.toString(), "--yaw", "10");
        AudioClip b = Wav.read(wav);
        assertEquals(2, b.channelCount());
        assertEquals(16000, b.frames());
    }

    @Test
    void analyzeFindsTheSameSourceAtAnyFiniteScale() throws Exception {
        for (double scale : new double[] {1e20, 1e-20}) {
            SlotPrediction p = SlotJson.parse(run(new AnalyzeCommand(), foa(-45, 20, scale).toString(), "--json").strip());
            assertEquals(1, p.count(), "scale " + scale + ": " + p);
            assertTrue(Angles.between(p.slots().getFirst().azimuth(), p.slots().getFirst().elevation(), -45, 20) < 0.5,
                    "scale " + scale + ": " + p);
        }
    }

    @Test
    void analyzeRefusesNonFiniteSamplesAFolderAndADevice() throws Exception {
        float[][] x = new float[4][1000];
        x[2][500] = Float.POSITIVE_INFINITY;
        Path inf = dir.resolve("inf.wav");
        java.nio.file.Files.write(inf, floatWav(x));
        assertEquals(inf + ": sample 500 of channel 3 is Infinity; the file is corrupt (audio samples must be finite numbers)",
                analyzeError(inf));
        assertEquals(dir + ": is a folder, not a WAV file", analyzeError(dir));
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(zero));
        assertTrue(analyzeError(zero).endsWith("is not a regular file (a device or a pipe?); give a WAV file"), analyzeError(zero));
    }

    private static String analyzeError(Path clip) {
        AnalyzeCommand c = new AnalyzeCommand();
        c.clip = clip;
        c.maxSources = 3;
        return assertThrows(InputException.class, c::call).getMessage();
    }

    /** A float WAV written by hand: the project's writer refuses non-finite samples. */
    private static byte[] floatWav(float[][] x) {
        int ch = x.length, n = x[0].length;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + 4 * ch * n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 4 * ch * n).put("WAVEfmt ".getBytes()).putInt(16).putShort((short) 3)
                .putShort((short) ch).putInt(16000).putInt(16000 * 4 * ch).putShort((short) (4 * ch)).putShort((short) 32)
                .put("data".getBytes()).putInt(4 * ch * n);
        for (int i = 0; i < n; i++) {
            for (float[] row : x) {
                b.putFloat(row[i]);
            }
        }
        return b.array();
    }

    @Test
    void spectrogramBoundsItsImageAndWindowBeforeWorking() throws Exception {
        Path wide = dir.resolve("wide.wav");
        Wav.write(wide, new AudioClip(16000, new float[1024][1]), SampleEncoding.PCM_16);
        assertEquals(wide + ": 1024 channel(s) x --height 200 = 204800 px is taller than 16384 px; give --height 16 or less",
                spectrogramError(wide.toString(), "-o", dir.resolve("w.png").toString()));
        String clip = foa(0, 0).toString();
        assertTrue(spectrogramError(clip, "-o", dir.resolve("w.png").toString(), "--window", "1073741824")
                .startsWith("--window 1073741824 is larger than 65536 samples"));
        assertTrue(spectrogramError(clip, "-o", dir.resolve("w.png").toString(), "--height", "2100", "--width", "16000")
                .startsWith("the image would have 16000 x 8400 = 134400000 pixels"));
        assertTrue(spectrogramError(clip, "-o", dir.resolve("no/w.png").toString()).endsWith("does not exist; create it first"));
        assertTrue(spectrogramError(clip, "-o", dir.toString()).endsWith("is a folder; give a file name"));
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(java.util.List.of("foa.wav", "wide.wav"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    private static String spectrogramError(String... args) {
        CommandLine cl = new CommandLine(new SpectrogramCommand());
        String[] message = new String[1];
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            message[0] = e instanceof InputException ? e.getMessage() : "not an input error: " + e;
            return 2;
        });
        assertEquals(2, cl.execute(args));
        return message[0];
    }
}
