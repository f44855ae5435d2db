package org.notmono.viewer.listen;

import org.notmono.sim.hrtf.HrtfSet;
import org.notmono.sim.render.FftConvolver;
import org.notmono.sim.scene.Angles;

/**
 * FOA to binaural by virtual loudspeakers: a max-rE sampling decode to {@value #SPEAKERS}
 * nearly uniform directions, each fed through the HRIR pair measured nearest to it. The decode
 * and the HRIRs are folded into one filter per FOA channel and ear, so a render costs eight
 * convolutions whatever the layout.
 */
public final class BinauralDecoder {
    static final int SPEAKERS = 24;
    /** First-order max-rE weight: cos(54.7 degrees), the largest zero of P2. */
    private static final double MAX_RE = 0.5773502691896258;

    private final float[][] left;  // [foa channel][tap]
    private final float[][] right;

    public BinauralDecoder(HrtfSet hrtf) {
        left = new float[4][hrtf.length()];
        right = new float[4][hrtf.length()];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int l = 0; l < SPEAKERS; l++) {
            double z = 1 - (2.0 * l + 1) / SPEAKERS;
            double r = Math.sqrt(1 - z * z);
            double x = r * Math.cos(golden * l);
            double y = r * Math.sin(golden * l);
            int h = hrtf.nearest(Angles.azimuthOf(x, y), Angles.elevationOf(x, y, z));
            // SN3D first-order channels carry a third of W's power in a diffuse field: gain 3 restores it
            double[] gains = {1, 3 * MAX_RE * y, 3 * MAX_RE * z, 3 * MAX_RE * x}; // W, Y, Z, X
            for (int c = 0; c < 4; c++) {
                double g = gains[c] / SPEAKERS;
                for (int t = 0; t < hrtf.length(); t++) {
                    left[c][t] += (float) (g * hrtf.left()[h][t]);
                    right[c][t] += (float) (g * hrtf.right()[h][t]);
                }
            }
        }
    }

    /** {left, right}, as long as the input (the HRIR tail past the end is cut). */
    public float[][] decode(float[][] foa) {
        float[][] out = new float[2][foa[0].length];
        for (int c = 0; c < 4; c++) {
            new FftConvolver(new float[][] {left[c], right[c]}).convolveAdd(foa[c], 1f, out, 0);
        }
        return out;
    }
}
