package org.notmono.model.lalm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.BuildInfo;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.lora.LoraAdapters;
import org.notmono.model.lora.LoraConfig;
import org.notmono.model.projector.Projector;
import org.notmono.model.projector.ProjectorConfig;
import org.notmono.sim.scene.AssetsFingerprint;

/**
 * A LALM checkpoint folder (DESIGN.md, {@code lalm-*\/}): {@code model.json} (configs of LM,
 * projector and LoRA, the projector's tensor shapes, versions, git commit, assets and encoder
 * sha256), {@code tokenizer.json}, {@code lm.safetensors} (Hugging Face names),
 * {@code projector.params} (DJL), {@code lora.safetensors} (absent when merged or unused) and a
 * copy of the encoder checkpoint in {@code encoder/}. Loading a checkpoint whose files do not
 * match its config names the tensor.
 */
public final class LalmCheckpoint {
    public static final String FORMAT = "notmono.lalm/1";
    public static final String MODEL_JSON = "model.json";
    private static final String ENCODER = "encoder";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LalmCheckpoint() {
    }

    /** True when {@code dir} looks like a LALM checkpoint. */
    public static boolean isCheckpoint(Path dir) {
        return Files.isRegularFile(dir.resolve(MODEL_JSON)) && Files.isRegularFile(dir.resolve("lm.safetensors"));
    }

    /** Files a trainer adds to a checkpoint (optimizer state, adapters in training), written into the folder before it is renamed. */
    @FunctionalInterface
    public interface ExtraFiles {
        /** Writes the extra files into {@code folder}, the checkpoint's temporary folder. */
        void write(Path folder) throws IOException;
    }

    /** Writes {@code model} into {@code dir} atomically; {@code extra} goes into model.json's "training". */
    public static void save(LalmModel model, Path dir, Map<String, Object> extra) throws IOException {
        save(model, dir, extra, folder -> { });
    }

    /**
     * Writes {@code model} and the trainer's {@code files} into {@code dir} atomically: everything
     * goes to {@code dir.tmp} first, which is then renamed, so a failed write (a full disk) leaves
     * no half checkpoint under {@code dir}'s name and every other checkpoint untouched. The error
     * then names {@code dir} and the cause.
     */
    public static void save(LalmModel model, Path dir, Map<String, Object> extra, ExtraFiles files) throws IOException {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        try {
            write(model, tmp, extra, files);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(tmp); // frees the space the partial copy took; the error below matters more if this fails too
            } catch (IOException ignored) {
                // left for the next save, which clears it first
            }
            throw new IOException("could not write checkpoint " + dir + " (" + cause(e) + "); the checkpoints before it are intact", e);
        }
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(dir)) {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** An exception's cause for a one-line message: the file and reason of a file-system error, else the message or the type. */
    private static String cause(Exception e) {
        if (e instanceof java.nio.file.FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void write(LalmModel model, Path tmp, Map<String, Object> extra, ExtraFiles files) throws IOException {
        deleteTree(tmp);
        Files.createDirectories(tmp.resolve(ENCODER));
        Files.copy(model.tokenizerFile(), tmp.resolve("tokenizer.json"));
        model.lm().save(tmp.resolve("lm.safetensors"));
        try (OutputStream out = Files.newOutputStream(tmp.resolve("projector.params"))) {
            model.projector().saveParameters(new DataOutputStream(out));
        }
        LoraAdapters lora = model.lora();
        boolean separateLora = lora != null && !lora.merged();
        if (separateLora) {
            lora.save(tmp.resolve("lora.safetensors"));
        }
        for (String file : new String[] {EncoderCheckpoint.MODEL_JSON, "encoder-0000.params"}) {
            Files.copy(model.encoderDir().resolve(file), tmp.resolve(ENCODER).resolve(file));
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("name", model.name());
        json.put("windowSeconds", LalmModel.WINDOW_SECONDS);
        json.set("lm", model.lm().config().toJson());
        json.set("projector", JSON.valueToTree(model.projector().config()));
        ObjectNode tensors = json.putObject("projectorTensors");
        for (Pair<String, Parameter> p : model.projector().getParameters()) {
            var shape = tensors.putArray(p.getKey());
            for (long d : p.getValue().getArray().getShape().getShape()) {
                shape.add(d);
            }
        }
        if (separateLora) {
            json.set("lora", lora.config().toJson());
        } else {
            json.putNull("lora");
        }
        json.put("loraMerged", lora != null && lora.merged());
        ObjectNode encoder = json.putObject("encoder");
        encoder.put("path", ENCODER);
        encoder.put("sha256", sha256(model.encoderDir().resolve("encoder-0000.params")));
        ObjectNode vocabulary = json.putObject("vocabulary");
        vocabulary.put("size", model.lm().config().vocabSize());
        vocabulary.put("tokenizerSha256", sha256(model.tokenizerFile()));
        ObjectNode versions = json.putObject("versions");
        versions.put("notmono", LalmCheckpoint.class.getPackage().getImplementationVersion());
        versions.put("djl", Engine.getDjlVersion());
        json.put("gitCommit", BuildInfo.gitCommit());
        json.put("assets", AssetsFingerprint.sha256());
        json.set("training", JSON.valueToTree(extra));
        files.write(tmp);
        JSON.writeValue(tmp.resolve(MODEL_JSON).toFile(), json);
    }

    /** Loads a checkpoint folder on the engine's default device; see {@link #load(Path, Device)}. */
    public static LalmModel load(Path dir) throws IOException {
        return load(dir, Engine.getInstance().defaultDevice());
    }

    /** Loads a checkpoint folder on {@code device}; a file that does not match model.json is named with its first differing tensor. */
    public static LalmModel load(Path dir, Device device) throws IOException {
        Path file = dir.resolve(MODEL_JSON);
        if (!Files.isRegularFile(file)) {
            if (Files.isRegularFile(dir.resolve("config.json"))) {
                throw new IOException(dir + " is a Hugging Face model folder, not a LALM checkpoint: it can be the backbone"
                        + " of a LALM (LalmModel.assemble), but it has no projector to hear audio");
            }
            throw new IOException(dir + " is not a LALM checkpoint (no " + MODEL_JSON + ")");
        }
        JsonNode json;
        try {
            json = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new IOException(file + ": format is not " + FORMAT);
        }
        Qwen2Config lmConfig = Qwen2Config.fromJson(json.path("lm"), file + " \"lm\"");
        ProjectorConfig projectorConfig = JSON.treeToValue(json.path("projector"), ProjectorConfig.class);
        Path encoderDir = dir.resolve(json.path("encoder").path("path").asText(ENCODER));
        EncoderModel encoderModel = EncoderCheckpoint.load(encoderDir, device);
        NDManager projectorManager = NDManager.newBaseManager(device);
        Qwen2Model lm = null;
        LalmModel model = null;
        try {
            Projector projector;
            try {
                projector = new Projector(projectorConfig);
            } catch (RuntimeException e) { // a missing or odd value in "projector" surfaces as a bare runtime exception
                throw new IOException(file + ": \"projector\" is not a valid projector config (" + e.getMessage() + ")", e);
            }
            projector.initialize(projectorManager);
            checkProjector(dir, json.path("projectorTensors"), projector);
            Path params = dir.resolve("projector.params");
            if (!Files.isRegularFile(params)) {
                throw new IOException(params + " is missing");
            }
            try (InputStream in = Files.newInputStream(params)) {
                projector.loadParameters(projectorManager, new DataInputStream(in));
            } catch (IOException | RuntimeException | MalformedModelException e) {
                // DJL reports a cut file as an EOF without a message, corrupt bytes as bare runtime exceptions
                throw new IOException(params + ": unreadable, cut short or corrupt ("
                        + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")", e);
            }
            for (Pair<String, Parameter> p : projector.getParameters()) {
                requireFinite(params, "projector tensor " + p.getKey(), p.getValue().getArray());
            }
            lm = Qwen2Model.load(lmConfig, dir.resolve("lm.safetensors"), projectorManager);
            for (Map.Entry<String, ai.djl.ndarray.NDArray> w : lm.weights().entrySet()) {
                requireFinite(dir.resolve("lm.safetensors"), "tensor " + w.getKey(), w.getValue());
            }
            model = new LalmModel(json.path("name").asText(dir.getFileName().toString()), encoderDir, encoderModel,
                    projector, projectorManager, lm, org.notmono.model.tokenizer.TextTokenizer.load(dir), dir.resolve("tokenizer.json"));
            JsonNode lora = json.path("lora");
            if (lora.isObject()) {
                LoraAdapters adapters = LoraAdapters.load(lm, LoraConfig.fromJson(lora), dir.resolve("lora.safetensors"));
                model.setLora(adapters);
                for (Map.Entry<String, ai.djl.ndarray.NDArray> w : adapters.parameters().entrySet()) {
                    requireFinite(dir.resolve("lora.safetensors"), "LoRA tensor " + w.getKey(), w.getValue());
                }
            }
            return model;
        } catch (IOException | RuntimeException e) {
            if (model != null) {
                model.close();
            } else {
                if (lm != null) {
                    lm.close();
                }
                projectorManager.close();
                encoderModel.close();
            }
            throw e;
        }
    }

    /** Refuses a tensor holding NaN or infinite values (a diverged run's weights), naming it and its file. */
    static void requireFinite(Path file, String tensor, ai.djl.ndarray.NDArray array) throws IOException {
        try (ai.djl.ndarray.NDArray nan = array.isNaN(); ai.djl.ndarray.NDArray anyNan = nan.any();
             ai.djl.ndarray.NDArray inf = array.isInfinite(); ai.djl.ndarray.NDArray anyInf = inf.any()) {
            boolean hasNan = anyNan.getBoolean();
            if (hasNan || anyInf.getBoolean()) {
                throw new IOException(file + ": " + tensor + " holds " + (hasNan ? "NaN" : "infinite") + " values (weights of a"
                        + " diverged run?); use an earlier checkpoint");
            }
        }
    }

    private static void checkProjector(Path dir, JsonNode stored, Projector projector) throws IOException {
        Map<String, Shape> expected = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : projector.getParameters()) {
            expected.put(p.getKey(), p.getValue().getArray().getShape());
        }
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            JsonNode dims = stored.get(e.getKey());
            if (dims == null) {
                throw new IOException(dir + ": projector tensor " + e.getKey() + " " + e.getValue() + " is missing from the checkpoint");
            }
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = dims.get(i).asLong(-1);
                if (shape[i] < 0) { // DJL's Shape throws a bare IllegalArgumentException on these
                    throw new IOException(dir.resolve(MODEL_JSON) + ": projector tensor " + e.getKey() + " has an impossible shape " + dims);
                }
            }
            if (!new Shape(shape).equals(e.getValue())) {
                throw new IOException(dir + ": projector tensor " + e.getKey() + " is " + new Shape(shape)
                        + " in the checkpoint but the config wants " + e.getValue());
            }
        }
        for (Iterator<String> it = stored.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!expected.containsKey(name)) {
                throw new IOException(dir + ": projector tensor " + name + " is not part of the configured projector");
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes {@code dir} and everything in it; nothing when it does not exist. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
