package org.notmono.sim.scene.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;

class LocalizationMetricsTest {
    private static final TruthSource DOG = new TruthSource("s1", 90, 0, 2.0, "dog_bark");
    private static final TruthSource SPEECH = new TruthSource("s2", -90, 0, 4.0, "female_speech");

    @Test
    void pairsByAngleNotBySlotOrder() {
        Slot right = new Slot(-80, 0, 3.0, "female_speech", null, 0.9);
        Slot left = new Slot(100, 0, 2.5, "door_knock", null, 0.8);
        List<SlotMatch> pairs = SlotMatch.pair(List.of(right, left), List.of(DOG, SPEECH));
        assertEquals(2, pairs.size());
        assertEquals(SPEECH, pairs.get(0).truth());
        assertEquals(DOG, pairs.get(1).truth());
        assertEquals(10, pairs.get(0).angularError(), 1e-9);
    }

    @Test
    void computesEveryNumberOnAHandMadeTwoClipCase() {
        LocalizationMetrics metrics = new LocalizationMetrics();
        // clip 1: both sources found; speech 10 deg off with the right class, dog 30 deg off and the wrong class
        metrics.add(new SlotPrediction(List.of(new Slot(-80, 0, 3.0, "female_speech", null, 0.9),
                new Slot(120, 0, 2.5, "door_knock", null, 0.8), new Slot(0, 0, 1.0, "piano", null, 0.2)), 2, List.of()),
                List.of(DOG, SPEECH));
        // clip 2: one source, predicted right at 5 deg off but counted as 2 (a second slot exists far away)
        metrics.add(new SlotPrediction(List.of(new Slot(95, 0, 5.0, "dog_bark", null, 0.7),
                new Slot(0, 60, null, null, null, 0.6)), 2, List.of()), List.of(DOG));
        LocalizationMetrics.Summary s = metrics.summary();
        assertEquals(2, s.clips());
        assertEquals(0.5, s.countAccuracy(), 1e-12);
        assertEquals((10 + 30 + 5) / 3.0, s.angularErrorDeg(), 1e-9);
        assertEquals((1.0 + 0.5 + 3.0) / 3, s.distanceErrorM(), 1e-9);
        assertEquals(2 / 3.0, s.classAccuracy(), 1e-12);
        assertEquals((10 + 5) / 2.0, s.doaErrorDeg(), 1e-9);
        assertEquals((0.25 + 1.5) / 2, s.relativeDistanceError(), 1e-9);
        // hits: speech (10 deg, rel 0.25, class ok); dog in clip 2 has rel error 1.5 > 1: no hit
        // predicted existing 2 + 2 = 4, true 3: F = 2 * 1 / 7
        assertEquals(2.0 / 7, s.f20(), 1e-12);
        // class-agnostic: speech hit, dog clip 1 at 30 deg no, dog clip 2 rel 1.5 no
        assertEquals(2.0 / 7, s.f20ClassAgnostic(), 1e-12);
        // class-wise (DCASE macro): female_speech 1 hit, 1 predicted, 1 true -> 1; dog_bark 0 hits, 1 predicted,
        // 2 true -> 0; door_knock 0 hits, 1 predicted, 0 true -> 0 (the slot without a class counts for none)
        assertEquals((1 + 0 + 0) / 3.0, s.f20Macro(), 1e-12);
        assertEquals(s.f20Macro(), s.asMap().get("f20_macro"), 1e-12);
    }

    /** Micro and macro differ when classes differ in size: the macro weighs a rare class like a common one. */
    @Test
    void macroF20AveragesClassesAndMicroF20AveragesSources() {
        LocalizationMetrics metrics = new LocalizationMetrics();
        // three speech clips found, one dog clip missed
        for (int i = 0; i < 3; i++) {
            metrics.add(SlotPrediction.of(List.of(new Slot(-90, 0, 4.0, "female_speech", null, 0.9))), List.of(SPEECH));
        }
        metrics.add(SlotPrediction.of(List.of(new Slot(-90, 0, 2.0, "female_speech", null, 0.9))), List.of(DOG));
        LocalizationMetrics.Summary s = metrics.summary();
        assertEquals(2.0 * 3 / (4 + 4), s.f20(), 1e-12);
        // female_speech: 3 hits, 4 predicted, 3 true -> 6/7; dog_bark: 0 hits, 0 predicted, 1 true -> 0
        assertEquals((6.0 / 7 + 0) / 2, s.f20Macro(), 1e-12);
    }

    /** A real recording's label that stands for several of our classes accepts any of them. */
    @Test
    void aTruthWithSeveralAcceptedClassesIsMatchedByAnyOfThem() {
        TruthSource instrument = new TruthSource("s1", 0, 0, 2.0, "piano", java.util.Set.of("piano", "guitar"));
        LocalizationMetrics metrics = new LocalizationMetrics();
        metrics.add(SlotPrediction.of(List.of(new Slot(5, 0, 2.0, "guitar", null, 0.9))), List.of(instrument));
        assertEquals(1.0, metrics.summary().classAccuracy());
        assertEquals(1.0, metrics.summary().f20());
        assertEquals(1.0, metrics.summary().f20Macro(), 1e-12);
    }

    @Test
    void aDirectionOnlyLocalizerHasNoClassOrDistanceNumbers() {
        LocalizationMetrics metrics = new LocalizationMetrics();
        metrics.add(new SlotPrediction(List.of(Slot.direction(88, 0, 0.9), Slot.direction(-95, 3, 0.8)), 2, List.of()),
                List.of(DOG, SPEECH));
        LocalizationMetrics.Summary s = metrics.summary();
        assertEquals(1.0, s.countAccuracy());
        assertEquals(1.0, s.f20ClassAgnostic(), 1e-12);
        assertEquals(0.0, s.f20());
        assertNull(s.asMap().get("class_accuracy"));
        assertNull(s.asMap().get("distance_error_m"));
        assertNull(s.asMap().get("doa_error_deg"));
    }

    @Test
    void predictingNothingScoresZero() {
        LocalizationMetrics metrics = new LocalizationMetrics();
        metrics.add(new SlotPrediction(List.of(), 0, List.of()), List.of(DOG));
        assertEquals(0.0, metrics.summary().countAccuracy());
        assertEquals(0.0, metrics.summary().f20ClassAgnostic());
    }
}
