package org.notmono.viewer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.notmono.audio.AudioClip;
import org.notmono.sim.scene.Angles;
import org.notmono.task.TaskContext;

class SteeredResponseTest {
    private static final DirectionGrid GRID = new DirectionGrid(2);

    @ParameterizedTest
    @CsvSource({"0,0", "60,20", "-135,-30", "170,50"})
    void aPlaneWavePeaksAtItsDirectionWithinAGridStep(double az, double el) {
        AudioClip clip = PlaneWaves.encode(16000, 1, new double[][] {{az, el}}, 0.02, 5);
        IntensityField f = IntensityField.compute(clip, TaskContext.none());
        double[] peak = SteeredResponse.map(f, GRID, FrequencyBand.ALL, 0, f.frames() - 1).peak();
        assertTrue(Angles.between(peak[0], peak[1], az, el) <= GRID.cellDegrees(), peak[0] + ", " + peak[1]);
    }

    @ParameterizedTest
    @CsvSource({"90, 0.0625", "180, 0.25", "60, 0.390625"})
    void theMapOfOnePlaneWaveIsTheSquaredHypercardioid(double offAxis, double expected) {
        // source at the front; (1 + 3 cos theta)^2 / 16 relative to the peak
        AudioClip clip = PlaneWaves.encode(16000, 1, new double[][] {{1, -1}}, 0, 6);
        IntensityField f = IntensityField.compute(clip, TaskContext.none());
        DirectionMap map = SteeredResponse.map(f, GRID, FrequencyBand.ALL, 0, f.frames() - 1);
        double az = 1 - offAxis;
        double value = map.value(GRID.row(-1), GRID.column(az));
        assertEquals(expected, value / map.max(), 0.01);
    }

    @ParameterizedTest
    @EnumSource(DirectionEstimator.class)
    void eachBandShowsOnlyTheSourceThatSoundsInIt(DirectionEstimator estimator) {
        // a 300 Hz tone from the left, a 4 kHz tone from behind-right and above
        int rate = 16000;
        float[][] foa = new float[4][rate];
        double[][] dirs = {{90, 0}, {-120, 40}};
        double[] hz = {300, 4000};
        for (int s = 0; s < 2; s++) {
            double[] u = Angles.unitVector(dirs[s][0], dirs[s][1]);
            double[] gains = {1, u[1], u[2], u[0]};
            for (int i = 0; i < rate; i++) {
                double v = 0.2 * Math.sin(2 * Math.PI * hz[s] * i / rate);
                for (int c = 0; c < 4; c++) {
                    foa[c][i] += (float) (gains[c] * v);
                }
            }
        }
        IntensityField f = IntensityField.compute(new AudioClip(rate, foa), TaskContext.none());
        double[] low = estimator.map(f, GRID, FrequencyBand.LOW, 0, f.frames() - 1).peak();
        double[] high = estimator.map(f, GRID, FrequencyBand.HIGH, 0, f.frames() - 1).peak();
        assertTrue(Angles.between(low[0], low[1], 90, 0) <= 2, "low band " + low[0] + ", " + low[1]);
        assertTrue(Angles.between(high[0], high[1], -120, 40) <= 2, "high band " + high[0] + ", " + high[1]);
        DirectionMap mid = estimator.map(f, GRID, FrequencyBand.MID, 0, f.frames() - 1);
        assertTrue(mid.max() < 1e-3 * estimator.map(f, GRID, FrequencyBand.ALL, 0, f.frames() - 1).max(),
                "no tone sounds between 500 Hz and 2 kHz");
    }
}
