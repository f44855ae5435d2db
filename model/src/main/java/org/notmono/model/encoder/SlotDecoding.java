package org.notmono.model.encoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.notmono.sim.scene.Slot;

/** Turns the encoder's output arrays into the shared slot type, one list of slots per clip. */
public final class SlotDecoding {
    /** Class scores kept per slot (the most likely ones). */
    private static final int TOP_CLASSES = 3;

    private SlotDecoding() {
    }

    public static List<List<Slot>> decode(EncoderOutput out, List<String> classes) {
        float[] existence = out.existenceLogits().toFloatArray();
        float[] directions = out.directions().toFloatArray();
        float[] distances = out.distances().toFloatArray();
        float[] probabilities = out.classLogits().softmax(-1).toFloatArray();
        for (float[] values : new float[][] {existence, directions, distances, probabilities}) {
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    throw new NonFiniteOutputException();
                }
            }
        }
        int batch = (int) out.existenceLogits().getShape().get(0);
        int slots = (int) out.existenceLogits().getShape().get(1);
        int c = classes.size();
        List<List<Slot>> result = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            List<Slot> clip = new ArrayList<>();
            for (int s = 0; s < slots; s++) {
                int i = b * slots + s;
                double[] angles = Directions.toAngles(directions[3 * i], directions[3 * i + 1], directions[3 * i + 2]);
                Map<String, Double> scores = topScores(probabilities, i * c, classes);
                String best = scores.keySet().iterator().next();
                double p = 1 / (1 + Math.exp(-existence[i]));
                clip.add(new Slot(angles[0], angles[1], (double) distances[i], best, scores, p));
            }
            result.add(clip);
        }
        return result;
    }

    private static Map<String, Double> topScores(float[] p, int offset, List<String> classes) {
        Integer[] order = new Integer[classes.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(p[offset + b], p[offset + a]));
        Map<String, Double> top = new LinkedHashMap<>();
        for (int k = 0; k < Math.min(TOP_CLASSES, order.length); k++) {
            top.put(classes.get(order[k]), (double) p[offset + order[k]]);
        }
        return top;
    }
}
