package org.notmono.training.curriculum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.cli.InputException;

/**
 * How one supervised LM stage trains: a fixed number of Adam steps of {@code batchSize}
 * examples, linear warm-up then cosine decay, global-norm clipping, a checkpoint every N steps.
 *
 * @param seed the example order and initialisation; below 100000 (DESIGN.md: higher seeds are held out)
 * @param lengthBuckets batches per length bucket ({@link BatchOrder}): each run of that many batches
 *     of the shuffled examples is regrouped so that a batch holds examples of similar length and
 *     pads little; 0 (the default when the JSON leaves it out) keeps the plain shuffle
 * @param optionWalk whether a multiple-choice answer walks the options before naming one
 *     ({@link OptionWalk}, decision 0003) or names it right after the reasoning (decision 0010);
 *     true when the JSON leaves it out; Stage 2 asks no multiple-choice questions
 * @param knowledge how many times Stage 0 states each fact the themes know about places and their
 *     sounds ({@link org.notmono.training.qa.WorldKnowledge}, decision 0011); 0 (the default when
 *     the JSON leaves it out) states none; the other stages take none
 */
public record StageSettings(int steps, int batchSize, double learningRate, int warmupSteps, int checkpointEvery,
                            double gradientClip, long seed, int lengthBuckets, boolean optionWalk, int knowledge) {
    /** Seeds at and above this are evaluation seeds (DESIGN.md), never trained with. */
    public static final long HELD_OUT_SEEDS = 100_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public StageSettings {
        if (steps < 1 || batchSize < 1 || checkpointEvery < 1 || warmupSteps < 0 || !(learningRate > 0) || !(gradientClip > 0)
                || lengthBuckets < 0 || knowledge < 0) {
            throw new IllegalArgumentException("steps, batchSize and checkpointEvery must be at least 1, learningRate and"
                    + " gradientClip positive, warmupSteps, lengthBuckets and knowledge not negative");
        }
    }

    public ObjectNode toJson() {
        return MAPPER.valueToTree(this);
    }

    /** From JSON; a missing or out-of-range field is an {@link InputException} naming it and {@code where}. */
    public static StageSettings fromJson(JsonNode n, String where) {
        StageSettings s;
        try {
            s = new StageSettings(required(n, "steps", where).asInt(), required(n, "batchSize", where).asInt(),
                    required(n, "learningRate", where).asDouble(), required(n, "warmupSteps", where).asInt(),
                    required(n, "checkpointEvery", where).asInt(), required(n, "gradientClip", where).asDouble(),
                    required(n, "seed", where).asLong(), wholeNumber(n, "lengthBuckets", "batches (0: off)", where), optionWalk(n, where),
                    wholeNumber(n, "knowledge", "statements of each fact (0: none)", where));
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + e.getMessage());
        }
        if (s.seed < 0 || s.seed >= HELD_OUT_SEEDS) {
            throw new InputException(where + ": seed " + s.seed + " is not a training seed; use 0.." + (HELD_OUT_SEEDS - 1)
                    + " (seeds from " + HELD_OUT_SEEDS + " up are held out for evaluation)");
        }
        return s;
    }

    /**
     * An optional whole-number field ("lengthBuckets", "knowledge"): 0 when absent, so runs configured
     * before it existed train as they did.
     */
    private static int wholeNumber(JsonNode n, String field, String unit, String where) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new InputException(where + ": \"" + field + "\" must be a whole number of " + unit + ", not " + v);
        }
        return v.asInt();
    }

    /** The optional "optionWalk": true when absent (runs configured before it existed keep their walk). */
    private static boolean optionWalk(JsonNode n, String where) {
        JsonNode v = n == null ? null : n.get("optionWalk");
        if (v == null || v.isNull()) {
            return true;
        }
        if (!v.isBoolean()) {
            throw new InputException(where + ": \"optionWalk\" must be true (walk the options before the answer) or false (answer"
                    + " right after the reasoning), not " + v);
        }
        return v.asBoolean();
    }

    static JsonNode required(JsonNode n, String field, String where) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || !(v.isNumber() || v.isTextual() || v.isObject())) {
            throw new InputException(where + ": \"" + field + "\" is missing; add it");
        }
        return v;
    }
}
