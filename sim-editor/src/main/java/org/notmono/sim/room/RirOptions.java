package org.notmono.sim.room;

/**
 * How an RIR is computed. The defaults match pyroomacoustics' shoebox image-source method.
 *
 * @param maxOrder       largest |nx| + |ny| + |nz| of the image sources
 * @param highPass       pyroomacoustics' 10 Hz 2nd-order Butterworth, zero-phase
 * @param airAbsorption  frequency-dependent air absorption along each image's path, in octave bands (see {@link AirAbsorption})
 * @param inverseFourPi  divide amplitudes by 4 pi (free-field Green's function) instead of pyroomacoustics' 1/r
 * @param tail           diffuse late tail after the image sources
 * @param speedOfSound   m/s
 */
public record RirOptions(int maxOrder, boolean highPass, boolean airAbsorption, boolean inverseFourPi,
                         TailModel tail, double speedOfSound) {

    public static final double SPEED_OF_SOUND = 343.0;

    public RirOptions {
        if (maxOrder < 0) {
            throw new IllegalArgumentException("image-source order must be >= 0, got " + maxOrder);
        }
    }

    public static RirOptions pyroomacoustics(int maxOrder) {
        return new RirOptions(maxOrder, false, false, false, TailModel.NONE, SPEED_OF_SOUND);
    }

    public RirOptions withTail(TailModel t) {
        return new RirOptions(maxOrder, highPass, airAbsorption, inverseFourPi, t, speedOfSound);
    }

    public RirOptions withHighPass(boolean on) {
        return new RirOptions(maxOrder, on, airAbsorption, inverseFourPi, tail, speedOfSound);
    }
}
