package org.notmono.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.notmono.task.TaskContext;

/**
 * A file's format and per-channel peak and RMS levels, from one block-wise pass (so a long
 * file never sits in memory).
 *
 * @param peakDb per channel, dBFS (-inf for silence)
 * @param rmsDb  per channel, dBFS
 */
public record AudioStats(WavFormat format, double[] peakDb, double[] rmsDb) {
    private static final int BLOCK = 1 << 15;

    /** Reads the whole file, reporting progress and honouring cancel. */
    public static AudioStats scan(Path file, TaskContext context) throws IOException {
        try (WavReader reader = WavReader.open(file)) {
            WavFormat f = reader.format();
            int ch = f.channels();
            float[][] block = new float[ch][BLOCK];
            double[] peak = new double[ch];
            double[] sumSquares = new double[ch];
            long done = 0;
            int n;
            while ((n = reader.read(block, 0, BLOCK)) > 0) {
                context.checkCancelled();
                for (int c = 0; c < ch; c++) {
                    float[] x = block[c];
                    for (int i = 0; i < n; i++) {
                        peak[c] = Math.max(peak[c], Math.abs(x[i]));
                        sumSquares[c] += (double) x[i] * x[i];
                    }
                }
                done += n;
                context.progress((double) done / f.frames(), "reading " + file.getFileName());
            }
            double[] peakDb = new double[ch];
            double[] rmsDb = new double[ch];
            for (int c = 0; c < ch; c++) {
                peakDb[c] = 20 * Math.log10(peak[c]);
                rmsDb[c] = 10 * Math.log10(sumSquares[c] / Math.max(1, done));
            }
            return new AudioStats(f, peakDb, rmsDb);
        }
    }

    /** The loudest channel's peak in dBFS. */
    public double maxPeakDb() {
        double m = Double.NEGATIVE_INFINITY;
        for (double p : peakDb) {
            m = Math.max(m, p);
        }
        return m;
    }

    /** "4 ch, 16000 Hz, 24-bit PCM, 4.000 s, peak -3.1 dBFS". */
    public String describe() {
        return format.describe() + String.format(Locale.ROOT, ", peak %.1f dBFS", maxPeakDb());
    }
}
