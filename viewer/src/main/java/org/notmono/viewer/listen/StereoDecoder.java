package org.notmono.viewer.listen;

/**
 * The plain stereo fallback: two virtual cardioid microphones pointing left (+90 degrees) and
 * right (-90 degrees), {@code 0.5 (W +- Y)} with SN3D first-order channels.
 */
public final class StereoDecoder {
    private StereoDecoder() {
    }

    /** {left, right} from ambiX W, Y, Z, X. */
    public static float[][] decode(float[][] foa) {
        int n = foa[0].length;
        float[] left = new float[n];
        float[] right = new float[n];
        for (int i = 0; i < n; i++) {
            left[i] = 0.5f * (foa[0][i] + foa[1][i]);
            right[i] = 0.5f * (foa[0][i] - foa[1][i]);
        }
        return new float[][] {left, right};
    }
}
