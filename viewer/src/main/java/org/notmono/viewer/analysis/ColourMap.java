package org.notmono.viewer.analysis;

import java.util.Locale;

/**
 * Perceptual colour maps as 256-entry ARGB tables. Viridis and magma use the published
 * degree-6 polynomial fits of the matplotlib maps (within about 1% of the tables).
 */
public enum ColourMap {
    VIRIDIS(new double[][] {
        {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
        {0.1050930431085774, 1.404613529898575, 1.384590162594685},
        {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
        {-4.634230498983486, -5.799100973351585, -19.33244095627987},
        {6.228269936347081, 14.17993336680509, 56.69055260068105},
        {4.776384997670288, -13.74514537774601, -65.35303263337234},
        {-5.435455855934631, 4.645852612178535, 26.3124352495832}}),
    MAGMA(new double[][] {
        {-0.002136485053939582, -0.000749655052795221, -0.005386127855323933},
        {0.2516605407371642, 0.6775232436837668, 2.494026599312351},
        {8.353717279216625, -3.577719514958484, 0.3144679030132573},
        {-27.66873308576866, 14.26473078096533, -13.64921318813922},
        {52.17613981234068, -27.94360607168351, 12.94416944238394},
        {-50.76852536473588, 29.04658282127291, 4.23415299384598},
        {18.65570506591883, -11.48977351997711, -5.601961508734096}}),
    GREY(new double[][] {{0, 0, 0}, {1, 1, 1}});

    private final int[] table = new int[256];

    ColourMap(double[][] coefficients) {
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            int argb = 0xff000000;
            for (int c = 0; c < 3; c++) {
                double v = 0;
                for (int p = coefficients.length - 1; p >= 0; p--) {
                    v = v * t + coefficients[p][c];
                }
                argb |= (int) Math.round(Math.clamp(v, 0, 1) * 255) << (16 - 8 * c);
            }
            table[i] = argb;
        }
    }

    /** The ARGB colour of {@code t} in [0, 1] (clamped). */
    public int argb(double t) {
        return table[(int) Math.round(Math.clamp(t, 0, 1) * 255)];
    }

    /** The colour of table index 0..255. */
    public int argb(int index) {
        return table[index];
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ColourMap fromId(String id) {
        for (ColourMap m : values()) {
            if (m.id().equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown colour map '" + id + "': use viridis, magma or grey");
    }
}
