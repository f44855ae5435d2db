package org.notmono.model.lalm;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.model.projector.ProjectorConfig;

/**
 * Averages the weights of several checkpoints of one run into one checkpoint (weight averaging
 * along a run's last steps: Izmailov et al., "Averaging Weights Leads to Wider Optima and Better
 * Generalization", 2018; docs/decisions/0016). Each checkpoint's LoRA adapters are merged into its
 * decoder first, so the decoder's weights are averaged exactly as the model uses them (an average
 * of the adapters' two factors would not be the adapters' average); the projector's weights are
 * averaged too. The encoder and the tokenizer must be the same file in every checkpoint.
 */
public final class LalmAverage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LalmAverage() {
    }

    /**
     * Writes the average of {@code checkpoints} into the new folder {@code out}; its model.json's
     * "training" is the last checkpoint's, with {@code averageOf} naming them all.
     *
     * @throws IOException when fewer than two are given, {@code out} exists, one does not load, or
     *                     they differ in shape, encoder or tokenizer (the message names which and how)
     */
    public static void average(List<Path> checkpoints, Path out) throws IOException {
        if (checkpoints.size() < 2) {
            throw new IOException("averaging needs at least two checkpoints, got " + checkpoints.size());
        }
        if (Files.exists(out)) {
            throw new IOException(out + " exists; average writes a new folder (remove it or choose another)");
        }
        JsonNode first = modelJson(checkpoints.getFirst());
        for (Path c : checkpoints.subList(1, checkpoints.size())) {
            JsonNode json = modelJson(c);
            for (String field : List.of("lm", "projector", "projectorTensors", "encoder", "vocabulary")) {
                if (!same(field, first, json)) {
                    throw new IOException(c + " differs from " + checkpoints.getFirst() + " in model.json's \"" + field
                            + "\": only checkpoints of one model (one run, or runs from one parent) can be averaged");
                }
            }
        }
        Path last = checkpoints.getLast();
        Map<String, Object> training = JSON.convertValue(modelJson(last).path("training"),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        training = training == null ? new LinkedHashMap<>() : training;
        training.put("averageOf", checkpoints.stream().map(Path::toString).toList());
        try (LalmModel sum = mergedModel(last)) {
            Map<String, double[]> totals = new LinkedHashMap<>();
            addTo(totals, weightsOf(sum));
            for (Path c : checkpoints.subList(0, checkpoints.size() - 1)) {
                try (LalmModel other = mergedModel(c)) {
                    addTo(totals, weightsOf(other));
                }
            }
            Map<String, NDArray> target = weightsOf(sum);
            for (Map.Entry<String, double[]> t : totals.entrySet()) {
                double[] total = t.getValue();
                float[] mean = new float[total.length];
                for (int i = 0; i < mean.length; i++) {
                    mean[i] = (float) (total[i] / checkpoints.size());
                }
                target.get(t.getKey()).set(FloatBuffer.wrap(mean));
            }
            LalmCheckpoint.save(sum, out, training);
        }
    }

    /**
     * Whether two model.json files agree in {@code field}; the projector as a config, so that one written before
     * a config field existed (room words, decision 0017) matches one that writes the field's default.
     */
    private static boolean same(String field, JsonNode a, JsonNode b) throws IOException {
        if (field.equals("projector")) {
            return JSON.treeToValue(a.path(field), ProjectorConfig.class).equals(JSON.treeToValue(b.path(field), ProjectorConfig.class));
        }
        return a.path(field).equals(b.path(field));
    }

    private static JsonNode modelJson(Path checkpoint) throws IOException {
        if (!LalmCheckpoint.isCheckpoint(checkpoint)) {
            throw new IOException(checkpoint + " is not a LALM checkpoint (no model.json and lm.safetensors)");
        }
        return JSON.readTree(checkpoint.resolve(LalmCheckpoint.MODEL_JSON).toFile());
    }

    /** The checkpoint loaded on the CPU with its adapters, if any, folded into the decoder. */
    private static LalmModel mergedModel(Path checkpoint) throws IOException {
        LalmModel model = LalmCheckpoint.load(checkpoint, Device.cpu());
        if (model.lora() != null && !model.lora().merged()) {
            model.lora().merge();
        }
        return model;
    }

    /** The decoder's and the projector's weights, by name (the arrays themselves). */
    private static Map<String, NDArray> weightsOf(LalmModel model) {
        Map<String, NDArray> all = new LinkedHashMap<>();
        model.lm().weights().forEach((k, v) -> all.put("lm." + k, v));
        model.projectorParameters().forEach((k, v) -> all.put("projector." + k, v));
        return all;
    }

    private static void addTo(Map<String, double[]> totals, Map<String, NDArray> weights) {
        for (Map.Entry<String, NDArray> w : weights.entrySet()) {
            float[] values = w.getValue().toFloatArray();
            double[] total = totals.computeIfAbsent(w.getKey(), k -> new double[values.length]);
            if (total.length != values.length) {
                throw new IllegalStateException(w.getKey() + " has " + values.length + " values, the first checkpoint's " + total.length);
            }
            for (int i = 0; i < values.length; i++) {
                total[i] += values[i];
            }
        }
    }
}
