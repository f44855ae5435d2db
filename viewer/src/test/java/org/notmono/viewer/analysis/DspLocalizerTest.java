package org.notmono.viewer.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.metrics.SlotMatch;
import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.task.TaskContext;

/** Accuracy of the DSP localizer against the RTSD of scenes rendered by the simulation engine. */
class DspLocalizerTest {
    private final DspLocalizer localizer = new DspLocalizer(3);

    private SlotPrediction localize(SimulatedScenes.Rendered scene) {
        return localizer.localize(IntensityField.compute(scene.audio(), TaskContext.none()));
    }

    private static double errorOfTheFirstSlot(SlotPrediction p, SimulatedScenes.Rendered scene) {
        List<SlotMatch> pairs = SlotMatch.pair(List.of(p.slots().getFirst()), TruthSource.of(scene.truth()));
        return pairs.getFirst().angularError();
    }

    @Test
    void findsASingleAnechoicSourceWithinHalfADegreeAndCountsIt() throws IOException {
        for (long seed = 1; seed <= 4; seed++) {
            SimulatedScenes.Rendered scene = SimulatedScenes.render(seed, 1, null, 1.5);
            SlotPrediction p = localize(scene);
            double error = errorOfTheFirstSlot(p, scene);
            assertTrue(error < 0.5, "seed " + seed + ": error " + error + " deg, " + p);
            assertEquals(1, p.count(), "seed " + seed + ": " + p);
        }
    }

    @Test
    void findsASingleReverberantSourceWithAMedianErrorUnderFifteenDegrees() throws IOException {
        double[] errors = new double[8];
        for (int i = 0; i < errors.length; i++) {
            double rt60 = i % 2 == 0 ? 0.3 : 0.6;
            SimulatedScenes.Rendered scene = SimulatedScenes.render(100 + i, 1, rt60, 1.5);
            errors[i] = errorOfTheFirstSlot(localize(scene), scene);
        }
        Arrays.sort(errors);
        double median = (errors[3] + errors[4]) / 2;
        assertTrue(median < 15, "median error " + median + " deg of " + Arrays.toString(errors));
    }

    @Test
    void itsTwoStrongestSlotsPointAtTwoAnechoicSources() throws IOException {
        List<Double> errors = new ArrayList<>();
        for (long seed = 11; seed <= 13; seed++) {
            SimulatedScenes.Rendered scene = SimulatedScenes.render(seed, 2, null, 1.5);
            SlotPrediction p = localize(scene);
            List<Slot> strongest = p.slots().subList(0, 2).stream()
                    .map(s -> Slot.direction(s.azimuth(), s.elevation(), 1)).toList();
            List<SlotMatch> pairs = SlotMatch.pair(strongest, TruthSource.of(scene.truth()));
            pairs.forEach(m -> errors.add(m.angularError()));
            assertEquals(2, pairs.size(), "seed " + seed + ": " + p);
        }
        assertTrue(errors.stream().allMatch(e -> e < 5), errors.toString());
    }

    @Test
    void slotsCarryNoDistanceOrClassAndAtMostKSlots() throws IOException {
        SlotPrediction p = new DspLocalizer(2).localize(
                IntensityField.compute(PlaneWaves.encode(16000, 0.5, new double[][] {{10, 0}, {-100, 0}, {150, 40}}, 0, 9),
                        TaskContext.none()));
        assertTrue(p.slots().size() <= 2);
        for (Slot s : p.slots()) {
            assertEquals(null, s.distance());
            assertEquals(null, s.classId());
        }
        assertThrows(IllegalArgumentException.class, () -> new DspLocalizer(0));
    }

    @Test
    void framesFollowASourceThatJumps() {
        // 1 s from the left, then 1 s from the right
        org.notmono.audio.AudioClip left = PlaneWaves.encode(16000, 1, new double[][] {{90, 0}}, 0, 1);
        org.notmono.audio.AudioClip right = PlaneWaves.encode(16000, 1, new double[][] {{-90, 0}}, 0, 2);
        float[][] both = new float[4][32000];
        for (int c = 0; c < 4; c++) {
            System.arraycopy(left.channel(c), 0, both[c], 0, 16000);
            System.arraycopy(right.channel(c), 0, both[c], 16000, 16000);
        }
        SlotPrediction p = localizer.localizeFrames(
                IntensityField.compute(new org.notmono.audio.AudioClip(16000, both), TaskContext.none()), 0.4);
        assertEquals(21, p.frames().size());
        assertEquals(0.5, p.frames().get(5).t(), 1e-9);
        assertEquals(90, p.frames().get(5).slots().getFirst().azimuth(), 1);
        assertEquals(-90, p.frames().get(15).slots().getFirst().azimuth(), 1);
    }
}
