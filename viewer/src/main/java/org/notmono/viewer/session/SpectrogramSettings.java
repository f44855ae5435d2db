package org.notmono.viewer.session;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.notmono.audio.Stft;
import org.notmono.audio.WindowFunction;
import org.notmono.io.AtomicFile;
import org.notmono.viewer.analysis.ColourMap;
import org.notmono.viewer.analysis.FrequencyScale;

/**
 * The spectrogram settings a user expects to find again: window, overlap, colour map,
 * frequency scale, dB range and gain. Stored as a properties file; a missing or damaged file
 * gives the defaults.
 */
public record SpectrogramSettings(int windowSize, int overlapPercent, WindowFunction window, ColourMap colours,
                                  FrequencyScale scale, double rangeDb, double gainDb) {

    public static final SpectrogramSettings DEFAULTS =
            new SpectrogramSettings(512, 75, WindowFunction.HANN, ColourMap.VIRIDIS, FrequencyScale.LINEAR, 90, 0);

    public SpectrogramSettings withWindowSize(int v) {
        return new SpectrogramSettings(v, overlapPercent, window, colours, scale, rangeDb, gainDb);
    }

    public SpectrogramSettings withOverlap(int v) {
        return new SpectrogramSettings(windowSize, v, window, colours, scale, rangeDb, gainDb);
    }

    public SpectrogramSettings withWindow(WindowFunction v) {
        return new SpectrogramSettings(windowSize, overlapPercent, v, colours, scale, rangeDb, gainDb);
    }

    public SpectrogramSettings withColours(ColourMap v) {
        return new SpectrogramSettings(windowSize, overlapPercent, window, v, scale, rangeDb, gainDb);
    }

    public SpectrogramSettings withScale(FrequencyScale v) {
        return new SpectrogramSettings(windowSize, overlapPercent, window, colours, v, rangeDb, gainDb);
    }

    public SpectrogramSettings withRange(double v) {
        return new SpectrogramSettings(windowSize, overlapPercent, window, colours, scale, v, gainDb);
    }

    public SpectrogramSettings withGain(double v) {
        return new SpectrogramSettings(windowSize, overlapPercent, window, colours, scale, rangeDb, v);
    }

    public Stft stft() {
        return new Stft(windowSize, Math.max(1, windowSize * (100 - overlapPercent) / 100), window);
    }

    public static SpectrogramSettings load(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return DEFAULTS;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            SpectrogramSettings s = new SpectrogramSettings(Integer.parseInt(p.getProperty("windowSize")),
                    Integer.parseInt(p.getProperty("overlapPercent")), WindowFunction.fromId(p.getProperty("window")),
                    ColourMap.fromId(p.getProperty("colours")), FrequencyScale.fromId(p.getProperty("scale")),
                    Double.parseDouble(p.getProperty("rangeDb")), Double.parseDouble(p.getProperty("gainDb")));
            s.stft(); // validates the window and hop
            return s;
        } catch (IOException | RuntimeException e) {
            return DEFAULTS;
        }
    }

    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("windowSize", Integer.toString(windowSize));
        p.setProperty("overlapPercent", Integer.toString(overlapPercent));
        p.setProperty("window", window.id());
        p.setProperty("colours", colours.id());
        p.setProperty("scale", scale.id());
        p.setProperty("rangeDb", Double.toString(rangeDb));
        p.setProperty("gainDb", Double.toString(gainDb));
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFile.write(file, out -> p.store(out, "NotMono viewer: spectrogram settings"));
    }
}
