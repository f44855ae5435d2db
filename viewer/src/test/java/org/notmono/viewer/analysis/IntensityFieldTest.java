package org.notmono.viewer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.notmono.audio.AudioClip;
import org.notmono.sim.scene.Angles;
import org.notmono.task.TaskContext;

class IntensityFieldTest {

    @ParameterizedTest
    @CsvSource({"0,0", "90,0", "-135,30", "170,-60", "45,80"})
    void everyBinOfAPlaneWavePointsAtItsSourceWithNoDiffuseness(double az, double el) {
        AudioClip clip = PlaneWaves.encode(16000, 0.5, new double[][] {{az, el}}, 0, 1);
        IntensityField f = IntensityField.compute(clip, TaskContext.none());
        int checked = 0;
        for (int t = 3; t < f.frames() - 3; t++) {
            for (int k = f.lowBin(); k <= f.highBin(); k++) {
                int i = t * f.bins() + k;
                double x = f.ix(i), y = f.iy(i), z = f.iz(i);
                assertEquals(0, Angles.between(Angles.azimuthOf(x, y), Angles.elevationOf(x, y, z), az, el), 0.01);
                assertEquals(f.energy(i), Math.sqrt(x * x + y * y + z * z), 1e-3 * f.energy(i));
                assertEquals(0, f.diffuseness(i), 1e-3);
                checked++;
            }
        }
        assertTrue(checked > 1000);
    }

    @Test
    void aDiffuseFieldIsMostlyDiffuse() {
        AudioClip clip = PlaneWaves.encode(16000, 1, new double[0][], 0.1, 2);
        IntensityField f = IntensityField.compute(clip, TaskContext.none());
        double sum = 0;
        int n = 0;
        for (int t = 3; t < f.frames() - 3; t++) {
            for (int k = f.lowBin(); k <= f.highBin(); k++) {
                sum += f.diffuseness(t * f.bins() + k);
                n++;
            }
        }
        // 5 frames of smoothing leave a residual |<I>| of roughly 1/sqrt(5) of E
        assertTrue(sum / n > 0.5, "mean diffuseness " + sum / n);
    }

    @Test
    void theDirectionMapAndTrackPeakAtThePlaneWave() {
        AudioClip clip = PlaneWaves.encode(16000, 1, new double[][] {{-120, 20}}, 0.02, 3);
        IntensityField f = IntensityField.compute(clip, TaskContext.none());
        DirectionMap map = DirectionMap.of(f, new DirectionGrid(2));
        double[] peak = map.peak();
        assertTrue(Angles.between(peak[0], peak[1], -120, 20) < 2, peak[0] + ", " + peak[1]);
        DirectionTrack track = DirectionTrack.of(f);
        int mid = f.frames() / 2;
        assertTrue(Angles.between(track.azimuth()[mid], track.elevation()[mid], -120, 20) < 3);
        assertEquals(f.frameTime(mid), track.times()[mid]);
    }

    @Test
    void holdMaxKeepsTheLargerValuePerCell() {
        DirectionGrid grid = new DirectionGrid(5);
        IntensityField left = IntensityField.compute(PlaneWaves.encode(16000, 0.3, new double[][] {{90, 0}}, 0, 4), TaskContext.none());
        IntensityField front = IntensityField.compute(PlaneWaves.encode(16000, 0.3, new double[][] {{0, 0}}, 0, 5), TaskContext.none());
        DirectionMap held = DirectionMap.of(left, grid);
        DirectionMap other = DirectionMap.of(front, grid);
        held.holdMax(other);
        int row = grid.row(0);
        assertEquals(DirectionMap.of(left, grid).value(row, grid.column(90)), held.value(row, grid.column(90)));
        assertEquals(other.value(row, grid.column(0)), held.value(row, grid.column(0)));
    }

    @Test
    void refusesClipsThatAreNotFoa() {
        AudioClip stereo = new AudioClip(16000, new float[2][1000]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> IntensityField.compute(stereo, TaskContext.none()));
        assertTrue(e.getMessage().contains("4-channel ambiX"));
    }

    @Test
    void gridCellsFollowTheConvention() {
        DirectionGrid g = new DirectionGrid(45);
        assertEquals(0, g.column(179));     // left edge is behind-left (+180)
        assertEquals(7, g.column(-179));    // right edge is behind-right
        assertEquals(3, g.column(10));      // just left of front
        assertEquals(4, g.column(-10));
        assertEquals(0, g.row(80));
        assertEquals(g.row(0) * g.columns() + g.column(90), g.cellOf(0, 1, 0));
    }
}
