package org.notmono.sim.room;

/**
 * Measured reverberation of an impulse response: Schroeder's energy decay curve, T20 and T30
 * by least-squares fits of the curve between -5 dB and -25 / -35 dB (extrapolated to 60 dB),
 * and the direct-to-reverberant ratio.
 */
public final class DecayAnalysis {
    /** Half-width of the direct-sound window around the strongest sample, seconds (ISO 3382 practice). */
    private static final double DIRECT_HALF_WINDOW = 0.0025;

    private DecayAnalysis() {
    }

    /** Schroeder backward integration in dB relative to the total energy (0 dB at sample 0). */
    public static double[] energyDecayCurve(float[] h) {
        double[] edc = new double[h.length];
        double sum = 0;
        for (int i = h.length - 1; i >= 0; i--) {
            sum += (double) h[i] * h[i];
            edc[i] = sum;
        }
        double total = sum;
        for (int i = 0; i < edc.length; i++) {
            edc[i] = total > 0 && edc[i] > 0 ? 10 * Math.log10(edc[i] / total) : Double.NEGATIVE_INFINITY;
        }
        return edc;
    }

    /** T20: RT60 from the -5 to -25 dB part of the decay; NaN when the decay does not reach -25 dB. */
    public static double t20(float[] h, int sampleRate) {
        return fit(energyDecayCurve(h), sampleRate, -25);
    }

    /** T30: RT60 from the -5 to -35 dB part of the decay; NaN when the decay does not reach -35 dB. */
    public static double t30(float[] h, int sampleRate) {
        return fit(energyDecayCurve(h), sampleRate, -35);
    }

    /** Least-squares line through the EDC between -5 dB and {@code lowDb}, extrapolated to -60 dB. */
    static double fit(double[] edc, int sampleRate, double lowDb) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        boolean reached = false;
        for (int i = 0; i < edc.length; i++) {
            if (edc[i] < lowDb) {
                reached = true;
                break;
            }
            if (edc[i] <= -5) {
                double t = (double) i / sampleRate;
                sx += t;
                sy += edc[i];
                sxx += t * t;
                sxy += t * edc[i];
                n++;
            }
        }
        if (!reached || n < 2) {
            return Double.NaN;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return slope < 0 ? -60 / slope : Double.NaN;
    }

    /**
     * Direct-to-reverberant ratio in dB: energy within 2.5 ms of the strongest sample against
     * the energy after that window.
     */
    public static double directToReverberant(float[] h, int sampleRate) {
        int peak = 0;
        for (int i = 1; i < h.length; i++) {
            if (Math.abs(h[i]) > Math.abs(h[peak])) {
                peak = i;
            }
        }
        int half = (int) Math.round(DIRECT_HALF_WINDOW * sampleRate);
        double direct = 0, reverberant = 0;
        for (int i = Math.max(0, peak - half); i < h.length; i++) {
            double e = (double) h[i] * h[i];
            if (i <= peak + half) {
                direct += e;
            } else {
                reverberant += e;
            }
        }
        return 10 * Math.log10(direct / reverberant);
    }
}
