package org.notmono.training.curriculum;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.model.encoder.Directions;
import org.notmono.model.encoder.EncoderOutput;

/**
 * A scene's truth in the shape of the encoder's outputs: what Stage 0 puts where the audio goes
 * so the decoder learns to read the projector's slot and scene tokens before it ever hears a
 * clip (docs/decisions/0002). Each source of the RTSD fills a slot, in a random order: its
 * direction (unit vector), distance (m), class and a confident existence; the slots left over
 * hold noise with a low existence, as the encoder's empty slots do; the room is its log surface
 * (ln m^2) and mean absorption. A little noise (about 6 degrees, 10% of distance, class and
 * existence confidences like a trained encoder's) keeps the decoder from leaning on exact
 * values it will never hear. The frames and the gate's parts, which carry no fact a description
 * states, are the encoder's own outputs for the clip.
 */
public final class OracleSlots {
    /** Existence logits of a present and an absent source before noise (sigmoid 0.98 and 0.02). */
    static final float PRESENT = 4f;
    /** How much the true class's logit stands above the others' before noise. */
    static final float CLASS_MARGIN = 5f;
    private static final double DIRECTION_NOISE = 0.08;
    private static final double DISTANCE_NOISE = 0.1;

    private OracleSlots() {
    }

    /**
     * The encoder's outputs ([1, ...] arrays in {@code manager}) for the scene {@code rtsd} describes.
     *
     * @param heard   the encoder's real outputs for the scene's clip (frames and gate parts are taken from it)
     * @param classes the encoder's class vocabulary
     * @param random  the noise and the slot order
     */
    public static EncoderOutput of(JsonNode rtsd, NDList heard, List<String> classes, Random random, NDManager manager) {
        EncoderOutput real = new EncoderOutput(heard);
        int slots = (int) real.existenceLogits().getShape().get(1);
        int c = classes.size();
        float[] existence = new float[slots];
        float[] directions = new float[3 * slots];
        float[] distances = new float[slots];
        float[] classLogits = new float[slots * c];
        List<JsonNode> sources = new ArrayList<>();
        rtsd.path("sources").forEach(sources::add);
        Collections.shuffle(sources, random);
        for (int s = 0; s < slots; s++) {
            JsonNode source = s < sources.size() ? sources.get(s) : null;
            double[] v = source == null ? randomDirection(random)
                    : Directions.toVector(source.path("azimuth").asDouble(), source.path("elevation").asDouble());
            double[] noisy = normalised(v[0] + DIRECTION_NOISE * random.nextGaussian(), v[1] + DIRECTION_NOISE * random.nextGaussian(),
                    v[2] + DIRECTION_NOISE * random.nextGaussian());
            System.arraycopy(new float[] {(float) noisy[0], (float) noisy[1], (float) noisy[2]}, 0, directions, 3 * s, 3);
            double distance = source == null ? 0.5 + 5.5 * random.nextDouble() : source.path("distance").asDouble();
            distances[s] = (float) (distance * Math.exp(DISTANCE_NOISE * random.nextGaussian()));
            existence[s] = (float) ((source == null ? -PRESENT : PRESENT) + random.nextGaussian());
            int k = source == null ? -1 : classes.indexOf(source.path("class").asText(""));
            for (int j = 0; j < c; j++) {
                classLogits[s * c + j] = (float) (random.nextGaussian() + (j == k ? CLASS_MARGIN : 0));
            }
        }
        JsonNode room = rtsd.path("room");
        float[] roomValues = {(float) (Math.log(room.path("surface").asDouble()) + 0.05 * random.nextGaussian()),
                (float) (room.path("meanAbsorption").asDouble() + 0.02 * random.nextGaussian())};
        NDList out = new NDList(manager.create(existence, new Shape(1, slots)), manager.create(directions, new Shape(1, slots, 3)),
                manager.create(distances, new Shape(1, slots)), manager.create(classLogits, new Shape(1, slots, c)),
                manager.create(roomValues, new Shape(1, 2)));
        for (int k = 5; k < heard.size(); k++) {
            out.add(heard.get(k));
        }
        return new EncoderOutput(out);
    }

    private static double[] randomDirection(Random random) {
        return normalised(random.nextGaussian(), random.nextGaussian(), random.nextGaussian());
    }

    private static double[] normalised(double x, double y, double z) {
        double n = Math.sqrt(x * x + y * y + z * z);
        return n == 0 ? new double[] {1, 0, 0} : new double[] {x / n, y / n, z / n};
    }
}
