package org.notmono.training.stage1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.notmono.model.encoder.Directions;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.encoder.nn.Ops;

class Stage1LossTest {
    private static final int B = 3;
    private static final int S = 4;
    private static final int C = 6;

    private final NDManager manager = NDManager.newBaseManager();
    private final Stage1Loss loss = new Stage1Loss(LossWeights.defaults());

    @AfterEach
    void close() {
        manager.close();
    }

    private EncoderOutput randomOutput(long seed) {
        manager.getEngine().setRandomSeed((int) seed);
        NDArray existence = manager.randomNormal(new Shape(B, S));
        NDArray directions = Ops.l2Normalize(manager.randomNormal(new Shape(B, S, 3)));
        NDArray distances = manager.randomUniform(0.5f, 6f, new Shape(B, S));
        NDArray classes = manager.randomNormal(new Shape(B, S, C));
        NDArray room = manager.randomUniform(0.1f, 0.9f, new Shape(B, 2));
        NDArray part = manager.zeros(new Shape(B, 8));
        return new EncoderOutput(new NDList(existence, directions, distances, classes, room, part, part, manager.zeros(new Shape(B, 2, 8))));
    }

    private static List<SceneLabels> labels(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SceneLabels> all = new ArrayList<>();
        for (int b = 0; b < B; b++) {
            List<SourceLabel> sources = new ArrayList<>();
            for (int j = 0; j <= b; j++) {
                sources.add(new SourceLabel("s" + j, random.nextDouble(-180, 180), random.nextDouble(-60, 60),
                        random.nextDouble(0.6, 7), "c" + j, random.nextInt(-1, C)));
            }
            all.add(new SceneLabels("scene" + b, sources, random.nextDouble(40, 400), random.nextDouble(0.05, 0.8), b == 1));
        }
        return all;
    }

    @Test
    void theLossDoesNotDependOnTheOrderOfTheSources() {
        EncoderOutput out = randomOutput(1);
        List<SceneLabels> labels = labels(2);
        Map<String, Float> before = loss.compute(out, labels).values();
        List<SceneLabels> shuffled = new ArrayList<>();
        for (SceneLabels l : labels) {
            List<SourceLabel> sources = new ArrayList<>(l.sources());
            Collections.reverse(sources);
            Collections.rotate(sources, 1);
            shuffled.add(new SceneLabels(l.id(), sources, l.surface(), l.absorption(), l.real()));
        }
        Map<String, Float> after = loss.compute(out, shuffled).values();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertEquals(v, after.get(k), 1e-6, k));
        assertTrue(before.get("loss") > 0);
    }

    @Test
    void perfectPredictionsOfDirectionDistanceAndRoomCostNothing() {
        SceneLabels scene = new SceneLabels("one", List.of(new SourceLabel("s1", 30, 10, 2.5, "c", 2)), 120, 0.3, false);
        double[] v = Directions.toVector(30, 10);
        float[] dirs = new float[S * 3];
        dirs[0] = (float) v[0]; // one source: the first slot
        dirs[1] = (float) v[1];
        dirs[2] = (float) v[2];
        dirs[3] = 1; // the other slots point anywhere
        dirs[6] = 1;
        dirs[9] = 1;
        NDArray existence = manager.create(new float[] {30, -30, -30, -30}, new Shape(1, S));
        NDArray directions = manager.create(dirs, new Shape(1, S, 3));
        NDArray distances = manager.create(new float[] {2.5f - 1e-3f, 1, 1, 1}, new Shape(1, S));
        float[] logits = new float[S * C];
        logits[2] = 40;
        NDArray room = manager.create(new float[] {(float) Math.log(120), 0.3f}, new Shape(1, 2));
        NDArray part = manager.zeros(new Shape(1, 8));
        EncoderOutput out = new EncoderOutput(new NDList(existence, directions, distances, manager.create(logits, new Shape(1, S, C)),
                room, part, part, manager.zeros(new Shape(1, 2, 8))));
        Map<String, Float> values = loss.compute(out, List.of(scene)).values();
        assertEquals(0, values.get("direction"), 1e-6);
        assertEquals(0, values.get("distance"), 1e-4);
        assertEquals(0, values.get("class"), 1e-6);
        assertEquals(0, values.get("existence"), 1e-6);
        assertEquals(0, values.get("roomSurface"), 1e-5);
        assertEquals(0, values.get("roomAbsorption"), 1e-6);
    }

    @Test
    void nSourcesFillTheFirstNSlots() {
        SceneLabels two = new SceneLabels("two", List.of(new SourceLabel("a", 30, 10, 2.5, "c", 2),
                new SourceLabel("b", -120, 0, 4, "c", 1)), 120, 0.3, false);
        float[] onlyFirstTwo = {30, 30, -30, -30};
        float[] lastTwo = {-30, -30, 30, 30};
        EncoderOutput random = randomOutput(4);
        assertEquals(0, loss.compute(withExistence(random, onlyFirstTwo), List.of(two, two, two)).values().get("existence"), 1e-6);
        assertTrue(loss.compute(withExistence(random, lastTwo), List.of(two, two, two)).values().get("existence") > 10);
    }

    private EncoderOutput withExistence(EncoderOutput out, float[] logits) {
        float[] all = new float[B * S];
        for (int b = 0; b < B; b++) {
            System.arraycopy(logits, 0, all, b * S, S);
        }
        NDList arrays = new NDList(out.arrays());
        arrays.set(0, manager.create(all, new Shape(B, S)));
        return new EncoderOutput(arrays);
    }

    @Test
    void realRecordingsTeachNoClassOrRoom() {
        SceneLabels real = new SceneLabels("real", List.of(new SourceLabel("s1", 30, 10, 2.5, "c", 2)), Double.NaN, Double.NaN, true);
        EncoderOutput out = randomOutput(3);
        List<SceneLabels> batch = List.of(real, real, real);
        Map<String, Float> values = loss.compute(out, batch).values();
        assertEquals(0, values.get("class"));
        assertEquals(0, values.get("roomSurface"));
        assertEquals(0, values.get("roomAbsorption"));
        assertTrue(values.get("direction") > 0);
    }

    /** A source with several accepted classes costs -log of their summed probability, in the loss and in the matching. */
    @Test
    void theClassLossAcceptsAnyOfTheAcceptedClasses() {
        EncoderOutput out = randomOutput(5);
        float[] logits = out.classLogits().toFloatArray();
        SourceLabel instrument = new SourceLabel("s1", 0, 0, 2, "c1", 1, List.of("c1", "c4"), List.of(1, 4));
        List<SceneLabels> labels = new ArrayList<>();
        for (int b = 0; b < B; b++) {
            labels.add(new SceneLabels("x" + b, List.of(instrument), Double.NaN, Double.NaN, false));
        }
        // each example's one source is matched to its first slot (ordered attractors): slot 0 of every example
        double expected = 0;
        for (int b = 0; b < B; b++) {
            int o = (b * S) * C;
            double z = 0;
            for (int c = 0; c < C; c++) {
                z += Math.exp(logits[o + c]);
            }
            expected += -Math.log((Math.exp(logits[o + 1]) + Math.exp(logits[o + 4])) / z);
        }
        assertEquals(expected / B, loss.compute(out, labels).values().get("class"), 1e-5);
        double[] logProbs = new double[C];
        double z = 0;
        for (int c = 0; c < C; c++) {
            z += Math.exp(logits[c]);
        }
        for (int c = 0; c < C; c++) {
            logProbs[c] = logits[c] - Math.log(z);
        }
        assertEquals(Math.log(Math.exp(logProbs[1]) + Math.exp(logProbs[4])), SlotMatcher.logProbabilityOfAny(logProbs, List.of(1, 4)),
                1e-12);
    }
}
