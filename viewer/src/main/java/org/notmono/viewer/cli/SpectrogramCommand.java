package org.notmono.viewer.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Stft;
import org.notmono.audio.WindowFunction;
import org.notmono.cli.InputException;
import org.notmono.task.TaskContext;
import org.notmono.viewer.analysis.ColourMap;
import org.notmono.viewer.analysis.FrequencyScale;
import org.notmono.viewer.analysis.Spectrogram;
import org.notmono.viewer.analysis.SpectrogramRenderer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notmono spectrogram CLIP.wav -o out.png}: every channel's spectrogram stacked, rendered headless. */
@Command(name = "spectrogram", mixinStandardHelpOptions = true,
        description = "Render the spectrogram of every channel of a WAV to a PNG (channels stacked top to bottom).")
public class SpectrogramCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CLIP.wav", description = "any WAV")
    Path clip;

    @Option(names = "-o", required = true, paramLabel = "OUT.png", description = "output PNG")
    Path out;

    @Option(names = "--width", defaultValue = "1600", description = "pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "200", description = "pixels per channel (default ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--window", defaultValue = "512", description = "STFT size, a power of two (default ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--hop", defaultValue = "128", description = "STFT hop (default ${DEFAULT-VALUE})")
    int hop;

    @Option(names = "--colours", defaultValue = "viridis", description = "viridis, magma or grey (default ${DEFAULT-VALUE})")
    String colours;

    @Option(names = "--scale", defaultValue = "linear", description = "linear, log or mel (default ${DEFAULT-VALUE})")
    String scale;

    @Option(names = "--range", defaultValue = "90", description = "dB shown below 0 dBFS (default ${DEFAULT-VALUE})")
    double rangeDb;

    @Option(names = "--gain", defaultValue = "0", description = "dB added before colouring (default ${DEFAULT-VALUE})")
    double gainDb;

    @Override
    public Integer call() throws IOException {
        SpectrogramRenderer.Look look;
        Stft stft;
        try {
            look = new SpectrogramRenderer.Look(FrequencyScale.fromId(scale), ColourMap.fromId(colours), 0, rangeDb, gainDb);
            stft = new Stft(window, hop, WindowFunction.HANN);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        if (width < 1 || height < 1) {
            throw new InputException("--width and --height must be positive");
        }
        AudioClip audio = ClipInput.read(clip);
        Spectrogram s = Spectrogram.compute(audio, stft, TaskContext.none());
        BufferedImage image = new BufferedImage(width, height * s.channels(), BufferedImage.TYPE_INT_RGB);
        for (int c = 0; c < s.channels(); c++) {
            int[] pixels = SpectrogramRenderer.render(s, c, 0, audio.duration(), width, height, look);
            image.setRGB(0, c * height, width, height, pixels, 0, width);
        }
        if (!ImageIO.write(image, "png", out.toFile())) {
            throw new IOException("no PNG writer available");
        }
        System.out.printf(Locale.ROOT, "%s: %d x %d px, %d channel(s), %.2f s%n", out, width, height * s.channels(),
                s.channels(), audio.duration());
        return 0;
    }
}
