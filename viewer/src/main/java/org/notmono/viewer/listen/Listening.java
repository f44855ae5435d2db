package org.notmono.viewer.listen;

import java.io.IOException;

import org.notmono.audio.AudioClip;
import org.notmono.sim.hrtf.SofaReader;

/**
 * What the listener hears of a clip: FOA rotated by the head yaw, then binaural through the
 * shipped KEMAR HRTF (or the virtual-cardioid stereo decode); a mono or stereo clip plays as it is.
 */
public final class Listening {
    public enum Mode { BINAURAL, STEREO }

    private Listening() {
    }

    /** The binaural decoder for a sample rate. */
    @FunctionalInterface
    public interface Decoders {
        BinauralDecoder forRate(int sampleRate) throws IOException;
    }

    /** Reads the KEMAR set for this one render; {@link ListeningCache} keeps it between renders. */
    public static AudioClip render(AudioClip clip, double yawDegrees, Mode mode) throws IOException {
        return render(clip, yawDegrees, mode, rate -> new BinauralDecoder(SofaReader.kemar(rate)));
    }

    public static AudioClip render(AudioClip clip, double yawDegrees, Mode mode, Decoders decoders) throws IOException {
        if (clip.channelCount() != 4) {
            return clip.channelCount() <= 2 ? clip : new AudioClip(clip.sampleRate(), new float[][] {clip.channel(0), clip.channel(1)});
        }
        float[][] foa = FoaRotation.yaw(clip.channels(), yawDegrees);
        float[][] out = mode == Mode.BINAURAL
                ? decoders.forRate(clip.sampleRate()).decode(foa)
                : StereoDecoder.decode(foa);
        return new AudioClip(clip.sampleRate(), out);
    }
}
