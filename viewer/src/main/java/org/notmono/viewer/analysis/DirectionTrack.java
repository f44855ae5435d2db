package org.notmono.viewer.analysis;

import org.notmono.sim.scene.Angles;

/**
 * The dominant direction per analysis frame: the sum of the frame's intensity vectors weighted
 * by directness, for the azimuth and elevation tracks of the direction-vs-time view.
 *
 * @param level per frame, the summed direct weight (0 for silence; the view fades weak frames)
 */
public record DirectionTrack(double[] times, double[] azimuth, double[] elevation, double[] level) {

    public static DirectionTrack of(IntensityField f) {
        int n = f.frames();
        double[] t = new double[n];
        double[] az = new double[n];
        double[] el = new double[n];
        double[] level = new double[n];
        int bins = f.bins();
        for (int frame = 0; frame < n; frame++) {
            double x = 0, y = 0, z = 0, w = 0;
            for (int k = f.lowBin(); k <= f.highBin(); k++) {
                int i = frame * bins + k;
                float direct = 1 - f.diffuseness(i);
                x += f.ix(i) * direct;
                y += f.iy(i) * direct;
                z += f.iz(i) * direct;
                w += f.directWeight(i);
            }
            t[frame] = f.frameTime(frame);
            az[frame] = Angles.azimuthOf(x, y);
            el[frame] = Angles.elevationOf(x, y, z);
            level[frame] = w;
        }
        return new DirectionTrack(t, az, el, level);
    }
}
