package org.notmono.model.lalm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.model.safetensors.SafeTensorType;
import org.notmono.model.safetensors.SafeTensorsReader;
import org.notmono.model.safetensors.SafeTensorsWriter;

/**
 * Copies a LALM checkpoint into a smaller one for shipping: LoRA adapters are merged into the
 * decoder (so no adapter runs at inference), and the decoder's weights are stored as float16
 * (or bfloat16), which the loader widens back to float32. The copy is loaded once before it is
 * kept, so a folder that exists after {@link #pack} is a checkpoint that loads.
 */
public final class LalmPack {
    /** The largest finite float16 value; larger weights would become infinite. */
    private static final float FLOAT16_MAX = 65504f;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LalmPack() {
    }

    /**
     * Writes {@code checkpoint} packed into the new folder {@code out}.
     *
     * @param storage F16, BF16 or F32 (F32 only merges the adapters)
     * @throws IOException when {@code out} exists, the checkpoint does not load, or a weight does not fit {@code storage}
     */
    public static void pack(Path checkpoint, Path out, SafeTensorType storage) throws IOException {
        if (storage != SafeTensorType.F16 && storage != SafeTensorType.BF16 && storage != SafeTensorType.F32) {
            throw new IllegalArgumentException("packs to F16, BF16 or F32, not " + storage);
        }
        if (Files.exists(out)) {
            throw new IOException(out + " exists; pack writes a new folder (remove it or choose another)");
        }
        Map<String, Object> training = JSON.convertValue(
                JSON.readTree(checkpoint.resolve(LalmCheckpoint.MODEL_JSON).toFile()).path("training"),
                new TypeReference<LinkedHashMap<String, Object>>() { });
        training = training == null ? new LinkedHashMap<>() : training;
        training.put("storage", storage.name());
        try {
            try (LalmModel model = LalmCheckpoint.load(checkpoint, Device.cpu())) {
                if (model.lora() != null && !model.lora().merged()) {
                    model.lora().merge();
                }
                LalmCheckpoint.save(model, out, training);
            }
            Path lm = out.resolve("lm.safetensors");
            try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
                Map<String, NDArray> weights = SafeTensorsReader.read(lm, manager);
                if (storage == SafeTensorType.F16) {
                    for (Map.Entry<String, NDArray> w : weights.entrySet()) {
                        float largest = w.getValue().abs().max().getFloat();
                        if (largest > FLOAT16_MAX) {
                            throw new IOException(checkpoint + ": tensor " + w.getKey() + " holds " + largest
                                    + ", beyond float16's range; pack it as BF16");
                        }
                    }
                }
                SafeTensorsWriter.write(lm, weights, storage, Map.of("format", "pt"));
            }
            LalmCheckpoint.load(out, Device.cpu()).close();
        } catch (IOException | RuntimeException e) {
            LalmCheckpoint.deleteTree(out);
            throw e;
        }
    }
}
