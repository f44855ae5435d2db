package org.notmono.model.encoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.BuildInfo;
import org.notmono.sim.scene.AssetsFingerprint;

/**
 * A checkpoint folder: DJL's parameter file {@code encoder-0000.params} and {@code model.json}
 * (DESIGN.md): architecture config, class vocabulary, every tensor's shape, versions, git
 * commit and the assets' sha256, plus whatever the trainer adds (step, data).
 */
public final class EncoderCheckpoint {
    public static final String FORMAT = "notmono.encoder/1";
    public static final String MODEL_JSON = "model.json";
    private static final String PARAMS_NAME = "encoder";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EncoderCheckpoint() {
    }

    /** Writes what a trainer keeps beside the weights (optimizer state) into the checkpoint's folder. */
    @FunctionalInterface
    public interface ExtraFiles {
        void write(Path folder) throws IOException;
    }

    /** Writes the checkpoint into {@code dir} atomically (a temporary folder renamed at the end). */
    public static void save(EncoderModel encoder, Path dir, Map<String, Object> extra) throws IOException {
        save(encoder, dir, extra, folder -> { });
    }

    /** Like {@link #save(EncoderModel, Path, Map)}, with {@code files} written into the folder before it is renamed. */
    public static void save(EncoderModel encoder, Path dir, Map<String, Object> extra, ExtraFiles files) throws IOException {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        encoder.djlModel().save(tmp, PARAMS_NAME);
        files.write(tmp);
        ObjectNode json = MAPPER.createObjectNode();
        json.put("format", FORMAT);
        json.set("config", MAPPER.valueToTree(encoder.config()));
        json.set("classes", MAPPER.valueToTree(encoder.classes()));
        ObjectNode tensors = json.putObject("tensors");
        for (Pair<String, Parameter> p : encoder.block().getParameters()) {
            ArrayNode shape = tensors.putArray(p.getKey());
            for (long d : p.getValue().getArray().getShape().getShape()) {
                shape.add(d);
            }
        }
        ObjectNode versions = json.putObject("versions");
        versions.put("notmono", BuildInfo.version());
        versions.put("djl", Engine.getDjlVersion());
        versions.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        json.put("gitCommit", BuildInfo.gitCommit());
        json.put("assets", AssetsFingerprint.sha256());
        json.set("training", MAPPER.valueToTree(extra));
        MAPPER.writeValue(tmp.resolve(MODEL_JSON).toFile(), json);
        deleteTree(dir);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads {@code model.json}; errors name the folder. */
    public static JsonNode readModelJson(Path dir) throws IOException {
        Path file = dir.resolve(MODEL_JSON);
        if (!Files.isRegularFile(file)) {
            throw new IOException(dir + " is not an encoder checkpoint (no " + MODEL_JSON + ")");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new IOException(file + ": format is not " + FORMAT);
        }
        return json;
    }

    /** Loads a checkpoint with the architecture it was saved with. */
    public static EncoderModel load(Path dir, Device device) throws IOException {
        JsonNode json = readModelJson(dir);
        return load(dir, json, MAPPER.treeToValue(json.get("config"), EncoderConfig.class), device);
    }

    /**
     * Loads a checkpoint into the architecture {@code expected}; when they differ, the error
     * names the first tensor whose shape differs or that one side lacks.
     */
    public static EncoderModel load(Path dir, EncoderConfig expected, Device device) throws IOException {
        return load(dir, readModelJson(dir), expected, device);
    }

    private static EncoderModel load(Path dir, JsonNode json, EncoderConfig config, Device device) throws IOException {
        List<String> classes = new ArrayList<>();
        json.path("classes").forEach(c -> classes.add(c.asText()));
        EncoderModel model = EncoderModel.forLoading(config, classes, device);
        try {
            checkTensors(dir, json.path("tensors"), model);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
        Path params = dir.resolve(PARAMS_NAME + "-0000.params");
        try {
            if (!Files.isRegularFile(params)) {
                throw new IOException(params + " is missing");
            }
            try {
                model.djlModel().load(dir, PARAMS_NAME);
            } catch (IOException | RuntimeException | MalformedModelException e) {
                // DJL reports a cut or corrupt file as an EOF without a message or as a bare runtime exception
                throw new IOException(params + ": unreadable parameters, cut short or corrupt ("
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")", e);
            }
            checkFinite(params, model);
            return model;
        } catch (IOException e) {
            model.close();
            throw e;
        }
    }

    /** Corrupt bytes inside the data load as NaN or infinite weights, which turn every output into NaN: refuse them. */
    private static void checkFinite(Path params, EncoderModel model) throws IOException {
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            var a = p.getValue().getArray();
            if (!a.getDataType().isFloating()) {
                continue;
            }
            for (float v : a.toFloatArray()) {
                if (!Float.isFinite(v)) {
                    throw new IOException(params + ": tensor " + p.getKey() + " holds values that are not finite (NaN or infinity)");
                }
            }
        }
    }

    private static void checkTensors(Path dir, JsonNode stored, EncoderModel model) throws IOException {
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            expected.put(p.getKey(), p.getValue().getArray().getShape());
        }
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            JsonNode dims = stored.get(e.getKey());
            if (dims == null) {
                throw new IOException(dir + " does not match config '" + model.config().name() + "': tensor " + e.getKey()
                        + " " + e.getValue() + " is missing from the checkpoint");
            }
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.get(i).asLong(-1);
                if (shape[i] < 0) { // DJL's Shape throws a bare IllegalArgumentException on these
                    throw new IOException(dir.resolve(MODEL_JSON) + ": tensor " + e.getKey() + " has an impossible shape " + dims);
                }
            }
            if (!new Shape(shape).equals(e.getValue())) {
                throw new IOException(dir + " does not match config '" + model.config().name() + "': tensor " + e.getKey()
                        + " is " + new Shape(shape) + " in the checkpoint but " + e.getValue() + " in the config");
            }
        }
        for (var it = stored.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!expected.containsKey(name)) {
                throw new IOException(dir + " does not match config '" + model.config().name() + "': the checkpoint's tensor "
                        + name + " has no place in the config");
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
