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
        double[] u = Angles.unitVector(az, el);
        double[] g = {1, u[1], u[2], u[0]};
        float[][] x = new float[4][16000];
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int i = 0; i < x[0].length; i++) {
            double s = r.nextGaussian() * 0.1;
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
}
