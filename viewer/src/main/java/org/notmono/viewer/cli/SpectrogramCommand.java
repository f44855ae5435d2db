package org.notmono.viewer.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Stft;
import org.notmono.audio.WavFormat;
import org.notmono.audio.WindowFunction;
import org.notmono.cli.InputException;
import org.notmono.io.AtomicFile;
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
    /** Longest side of the PNG, pixels. */
    static final int MAX_SIDE = 16_384;
    /** Most pixels in the PNG (128 MB of RGB while it is painted). */
    static final long MAX_PIXELS = 1L << 25;
    /** Largest STFT window, samples. */
    static final int MAX_WINDOW = 1 << 16;

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
        if (window > MAX_WINDOW) {
            throw new InputException("--window " + window + " is larger than " + MAX_WINDOW + " samples; use a smaller power of two");
        }
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
        if (!Double.isFinite(rangeDb) || rangeDb <= 0 || !Double.isFinite(gainDb)) {
            throw new InputException("--range must be a positive number of dB and --gain a finite one");
        }
        AtomicFile.check(out);
        WavFormat format = ClipInput.probe(clip);
        checkImageSize(format.channels());
        checkSpectrogramSize(format, stft);
        AudioClip audio = ClipInput.read(clip);
        Spectrogram s = Spectrogram.compute(audio, stft, TaskContext.none());
        BufferedImage image = new BufferedImage(width, height * s.channels(), BufferedImage.TYPE_INT_RGB);
        for (int c = 0; c < s.channels(); c++) {
            int[] pixels = SpectrogramRenderer.render(s, c, 0, audio.duration(), width, height, look);
            image.setRGB(0, c * height, width, height, pixels, 0, width);
        }
        AtomicFile.write(out, stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("no PNG writer available");
            }
        });
        System.out.printf(Locale.ROOT, "%s: %d x %d px, %d channel(s), %.2f s%n", out, width, height * s.channels(),
                s.channels(), audio.duration());
        return 0;
    }

    /** The PNG stacks one band of {@code --height} pixels per channel: bound its sides and its area. */
    private void checkImageSize(int channels) {
        long total = (long) height * channels;
        if (width > MAX_SIDE) {
            throw new InputException("--width " + width + " is wider than " + MAX_SIDE + " px; choose a smaller --width");
        }
        if (total > MAX_SIDE) {
            throw new InputException(String.format(Locale.ROOT, "%s: %d channel(s) x --height %d = %d px is taller than %d px;"
                    + " give --height %d or less", clip, channels, height, total, MAX_SIDE, Math.max(1, MAX_SIDE / channels)));
        }
        if (width * total > MAX_PIXELS) {
            throw new InputException(String.format(Locale.ROOT, "the image would have %d x %d = %d pixels (at most %d);"
                    + " choose a smaller --width or --height", width, total, width * total, MAX_PIXELS));
        }
    }

    /** The dB values of every channel sit in memory before painting: refuse what would not fit. */
    private void checkSpectrogramSize(WavFormat format, Stft stft) {
        long frames = format.frames() / stft.hop() + 2;
        long bytes = frames * stft.bins() * format.channels() * Float.BYTES * 2; // plus the zoom levels and the samples
        bytes += format.frames() * format.channels() * Float.BYTES;
        long budget = Runtime.getRuntime().maxMemory() / 2;
        if (bytes > budget) {
            throw new InputException(String.format(Locale.ROOT, "%s: the spectrogram would need %.1f GB (%.1f s x %d channel(s),"
                    + " window %d, hop %d) and this process may use %.1f GB; use a larger --hop or a shorter clip",
                    clip, bytes / 1e9, format.duration(), format.channels(), stft.size(), stft.hop(), budget / 1e9));
        }
    }
}
