package org.notmono.viewer.listen;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.notmono.audio.AudioClip;
import org.notmono.sim.hrtf.HrtfSet;
import org.notmono.sim.hrtf.SofaReader;

/**
 * {@link Listening#render} that remembers: the binaural decoder (the HRTF read from its SOFA
 * file and folded into filters) per sample rate, and the last decode, returned again while the
 * clip (the same object), the head yaw and the mode stay the same. Play, pause, play costs one
 * decode instead of a SOFA read and eight convolutions each time. Safe to call from task threads.
 */
public final class ListeningCache {
    /** Reads the HRTF set for a sample rate. */
    @FunctionalInterface
    public interface HrtfSource {
        HrtfSet read(int sampleRate) throws IOException;
    }

    private final HrtfSource hrtf;
    private final Map<Integer, BinauralDecoder> decoders = new HashMap<>();
    private AudioClip lastClip;
    private double lastYaw;
    private Listening.Mode lastMode;
    private AudioClip lastHeard;

    /** With the shipped MIT KEMAR set. */
    public ListeningCache() {
        this(SofaReader::kemar);
    }

    public ListeningCache(HrtfSource hrtf) {
        this.hrtf = hrtf;
    }

    /** What the listener hears of {@code clip} (see {@link Listening#render}), decoded once per clip, yaw and mode. */
    public synchronized AudioClip render(AudioClip clip, double yawDegrees, Listening.Mode mode) throws IOException {
        if (clip == lastClip && yawDegrees == lastYaw && mode == lastMode) {
            return lastHeard;
        }
        AudioClip heard = Listening.render(clip, yawDegrees, mode, this::decoder);
        lastClip = clip;
        lastYaw = yawDegrees;
        lastMode = mode;
        lastHeard = heard;
        return heard;
    }

    private BinauralDecoder decoder(int sampleRate) throws IOException {
        BinauralDecoder d = decoders.get(sampleRate);
        if (d == null) {
            d = new BinauralDecoder(hrtf.read(sampleRate));
            decoders.put(sampleRate, d);
        }
        return d;
    }
}
