package org.notmono.sim.room;

import java.util.SplittableRandom;

/**
 * A diffuse, exponentially decaying FOA late tail. The image sources of order N are a complete
 * description of the sound field only until the nearest image of order N + 1 arrives; from
 * there on their echo density thins out and the measured decay is too fast. So the tail takes
 * over at that time: its level is fitted to the image-source energy of the last 20 ms before
 * it, it decays 60 dB in the Sabine or Eyring RT60, and it crossfades in over 5 ms. It is
 * isotropic: independent Gaussian noise with SN3D diffuse-field energies (W 1, Y Z X 1/3).
 */
public final class DiffuseTail {
    private static final double FIT_WINDOW = 0.020;
    private static final double CROSSFADE = 0.005;

    private DiffuseTail() {
    }

    /** Sample from which the tail replaces the image sources. */
    public static int takeOverSample(RirRequest req) {
        int order = req.options().maxOrder();
        RirOptions next = RirOptions.pyroomacoustics(order + 1);
        ImageSourceMethod shell = new ImageSourceMethod(req.room(), req.absorption(), req.source(), req.receiver(),
                req.orientation(), req.sampleRate(), next, true);
        double d = shell.minDistanceOfShell(order + 1);
        return (int) Math.floor(d * req.sampleRate() / req.options().speedOfSound()) + FractionalDelay.HALF;
    }

    /**
     * Returns {@code ism} with the tail blended in: rows keep their count, the length grows to
     * the take-over time plus the RT60 when that is longer.
     *
     * @param seed seeds the noise, so the same request gives the same tail
     */
    public static float[][] apply(float[][] ism, RirRequest req, long seed) {
        int fs = req.sampleRate();
        double rt60 = req.targetRt60();
        int start = takeOverSample(req);
        int fade = Math.max(1, (int) Math.round(CROSSFADE * fs));
        int fitFrom = Math.max(0, start - (int) Math.round(FIT_WINDOW * fs));
        int fitTo = Math.min(start, ism[0].length);
        int length = Math.max(ism[0].length, start + (int) Math.ceil(rt60 * fs));
        double decay = 3 * Math.log(10) / (rt60 * fs); // amplitude falls 60 dB in rt60
        double energy = 0, envelope = 0;
        for (int i = fitFrom; i < fitTo; i++) {
            energy += (double) ism[0][i] * ism[0][i];
            envelope += Math.exp(-2 * decay * i);
        }
        double level = envelope > 0 ? Math.sqrt(energy / envelope) : 0;
        float[][] out = new float[ism.length][length];
        SplittableRandom random = new SplittableRandom(seed);
        double[] channelGain = {1, 1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)};
        int fadeFrom = start - fade;
        for (int c = 0; c < ism.length; c++) {
            float[] src = ism[c];
            float[] dst = out[c];
            int keep = Math.min(fadeFrom, src.length);
            System.arraycopy(src, 0, dst, 0, Math.max(0, keep));
            for (int i = Math.max(0, fadeFrom); i < length; i++) {
                double w = i >= start ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * (i - fadeFrom) / fade);
                double tail = level * channelGain[c] * Math.exp(-decay * i) * random.nextGaussian();
                double early = i < src.length ? src[i] : 0;
                dst[i] = (float) ((1 - w) * early + w * tail);
            }
        }
        return out;
    }
}
