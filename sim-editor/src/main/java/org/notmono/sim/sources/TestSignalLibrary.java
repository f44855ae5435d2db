package org.notmono.sim.sources;

import java.util.List;
import java.util.SplittableRandom;

import org.notmono.audio.AudioClip;

/**
 * A built-in library of synthetic dry clips, so scenes and datasets can be made without the
 * asset files. Each clip is computed from its name at the asked rate (no resampling), the
 * same every time. References are {@code test:FAMILY/NAME}.
 */
public final class TestSignalLibrary implements ClipLibrary {
    public static final String PREFIX = "test:";
    private static final int NATIVE_RATE = 16000;

    private final List<ClipInfo> clips = List.of(
            clip("footsteps", SourceFamily.ENVIRONMENTAL, 2.4),
            clip("door_knock", SourceFamily.ENVIRONMENTAL, 1.2),
            clip("alarm", SourceFamily.ENVIRONMENTAL, 2.0),
            clip("siren", SourceFamily.ENVIRONMENTAL, 3.0),
            clip("engine", SourceFamily.ENVIRONMENTAL, 3.0),
            clip("female_speech", SourceFamily.SPEECH, 2.5),
            clip("male_speech", SourceFamily.SPEECH, 2.5),
            clip("piano", SourceFamily.MUSIC, 2.0),
            clip("violin", SourceFamily.MUSIC, 2.5));

    private static ClipInfo clip(String classId, SourceFamily family, double seconds) {
        return new ClipInfo(PREFIX + family.id() + "/" + classId, classId, family, seconds, NATIVE_RATE, null);
    }

    @Override
    public List<ClipInfo> clips() {
        return clips;
    }

    @Override
    public AudioClip load(ClipInfo clip, int sampleRate) {
        if (!clips.contains(clip)) {
            throw new IllegalArgumentException(clip.ref() + " is not a built-in test signal");
        }
        int n = (int) Math.round(clip.duration() * sampleRate);
        SplittableRandom random = new SplittableRandom(clip.ref().hashCode());
        float[] x = switch (clip.classId()) {
            case "footsteps" -> bursts(n, sampleRate, 0.5, 0.06, 0.04, random);
            case "door_knock" -> bursts(n, sampleRate, 0.22, 0.02, 0.01, random);
            case "alarm" -> alarm(n, sampleRate);
            case "siren" -> siren(n, sampleRate);
            case "engine" -> engine(n, sampleRate, random);
            case "female_speech" -> babble(n, sampleRate, 210, random);
            case "male_speech" -> babble(n, sampleRate, 120, random);
            case "piano" -> notes(n, sampleRate, new double[] {261.6, 329.6, 392.0, 523.3}, 0.5, 3.0);
            case "violin" -> notes(n, sampleRate, new double[] {440.0, 493.9, 587.3}, 0.83, 0.3);
            default -> throw new IllegalStateException("no synthesis for " + clip.classId());
        };
        normalise(x, 0.5f);
        return AudioClip.mono(sampleRate, x);
    }

    /** Noise bursts every {@code period} s with attack {@code attack} s and decay constant {@code decay} s. */
    private static float[] bursts(int n, int fs, double period, double attack, double decay, SplittableRandom r) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double t = (i / (double) fs) % period;
            double env = t < attack ? t / attack : Math.exp(-(t - attack) / decay);
            x[i] = (float) (env * r.nextGaussian());
        }
        return x;
    }

    private static float[] alarm(int n, int fs) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) fs;
            double f = (int) (t / 0.25) % 2 == 0 ? 950 : 1250;
            x[i] = (float) (Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(2 * Math.PI * 3 * f * t));
        }
        return x;
    }

    /** A tone sweeping 600..1400 Hz and back each second (phase accumulated, so no clicks). */
    private static float[] siren(int n, int fs) {
        float[] x = new float[n];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double f = 1000 + 400 * Math.sin(2 * Math.PI * i / (double) fs);
            phase += 2 * Math.PI * f / fs;
            x[i] = (float) Math.sin(phase);
        }
        return x;
    }

    private static float[] engine(int n, int fs, SplittableRandom r) {
        float[] x = new float[n];
        double lowpassed = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) fs;
            lowpassed += 0.05 * (r.nextGaussian() - lowpassed);
            double hum = 0;
            for (int h = 1; h <= 6; h++) {
                hum += Math.sin(2 * Math.PI * 38 * h * t) / h;
            }
            x[i] = (float) (hum * (1 + 0.3 * lowpassed) + 2 * lowpassed);
        }
        return x;
    }

    /** Speech-like babble: a glottal pulse train through three moving formant resonators, in syllables. */
    private static float[] babble(int n, int fs, double f0, SplittableRandom r) {
        float[] x = new float[n];
        double[][] vowels = {{730, 1090, 2440}, {270, 2290, 3010}, {530, 1840, 2480}, {570, 840, 2410}, {300, 870, 2240}};
        Resonator[] formants = {new Resonator(), new Resonator(), new Resonator()};
        double phase = 0;
        int syllable = (int) (0.18 * fs);
        double[] vowel = vowels[0];
        for (int i = 0; i < n; i++) {
            if (i % syllable == 0) {
                vowel = vowels[r.nextInt(vowels.length)];
            }
            double pitch = f0 * (1 + 0.1 * Math.sin(2 * Math.PI * 3 * i / (double) fs));
            phase += pitch / fs;
            double pulse = phase >= 1 ? 1 : 0;
            phase -= Math.floor(phase);
            double s = pulse + 0.02 * r.nextGaussian();
            double y = 0;
            for (int k = 0; k < 3; k++) {
                y += formants[k].process(s, Math.min(vowel[k], 0.45 * fs), 80 + 40 * k, fs) / (k + 1);
            }
            double pos = (i % syllable) / (double) syllable;
            x[i] = (float) (y * Math.sin(Math.PI * pos));
        }
        return x;
    }

    /** Harmonic notes with an exponential decay of time constant {@code decay} s. */
    private static float[] notes(int n, int fs, double[] pitches, double noteSeconds, double decay) {
        float[] x = new float[n];
        int noteLength = (int) (noteSeconds * fs);
        for (int i = 0; i < n; i++) {
            double f = pitches[(i / noteLength) % pitches.length];
            double t = (i % noteLength) / (double) fs;
            double env = Math.min(1, t / 0.01) * Math.exp(-t / decay) * Math.min(1, (noteLength - i % noteLength) / (0.01 * fs));
            double v = 0;
            for (int h = 1; h <= 8 && h * f < 0.45 * fs; h++) {
                v += Math.sin(2 * Math.PI * h * f * t) / (h * h);
            }
            x[i] = (float) (env * v);
        }
        return x;
    }

    private static void normalise(float[] x, float peak) {
        float max = 0;
        for (float v : x) {
            max = Math.max(max, Math.abs(v));
        }
        if (max > 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] *= peak / max;
            }
        }
    }

    /** A two-pole resonator whose centre frequency may change every sample. */
    private static final class Resonator {
        private double y1, y2;

        double process(double x, double freq, double bandwidth, int fs) {
            double radius = Math.exp(-Math.PI * bandwidth / fs);
            double a1 = 2 * radius * Math.cos(2 * Math.PI * freq / fs);
            double a2 = -radius * radius;
            double y = (1 - radius) * x + a1 * y1 + a2 * y2;
            y2 = y1;
            y1 = y;
            return y;
        }
    }
}
