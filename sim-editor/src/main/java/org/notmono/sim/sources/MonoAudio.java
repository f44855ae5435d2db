package org.notmono.sim.sources;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Resampler;

/** Brings a decoded clip to what the simulator wants: one channel at a given rate. */
final class MonoAudio {

    private MonoAudio() {
    }

    static AudioClip at(AudioClip clip, int sampleRate) {
        AudioClip mono = clip.channelCount() == 1 ? clip : AudioClip.mono(clip.sampleRate(), average(clip.channels()));
        return mono.sampleRate() == sampleRate ? mono : Resampler.resample(mono, sampleRate);
    }

    private static float[] average(float[][] channels) {
        float[] out = new float[channels[0].length];
        for (float[] c : channels) {
            for (int i = 0; i < out.length; i++) {
                out[i] += c[i] / channels.length;
            }
        }
        return out;
    }
}
