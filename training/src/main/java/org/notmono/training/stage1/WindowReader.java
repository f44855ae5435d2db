package org.notmono.training.stage1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;

/**
 * Reads windows of one length (zero-padded past the end of the recording, plus a little
 * more so resampling never leaves a frame short), keeping the last recording so the
 * consecutive windows of a long file read it once.
 */
final class WindowReader {
    private static final double MARGIN_SECONDS = 0.05;
    private final double seconds;
    private Path loaded;
    private AudioClip clip;

    WindowReader(double seconds) {
        this.seconds = seconds;
    }

    AudioClip read(ClipWindow w) {
        try {
            if (!w.wav().equals(loaded)) {
                clip = Wav.read(w.wav());
                loaded = w.wav();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int rate = clip.sampleRate();
        int first = (int) Math.round(w.start() * rate);
        int count = (int) Math.round((seconds + MARGIN_SECONDS) * rate);
        float[][] out = new float[clip.channelCount()][count];
        for (int c = 0; c < out.length; c++) {
            float[] x = clip.channel(c);
            System.arraycopy(x, Math.min(first, x.length), out[c], 0, Math.max(0, Math.min(count, x.length - first)));
        }
        return new AudioClip(rate, out);
    }
}
