package org.notmono.model.lalm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;
import org.notmono.model.cli.AverageCommand;
import org.notmono.model.lora.LoraAdapters;
import org.notmono.model.lora.LoraByHand;
import org.notmono.model.lora.LoraConfig;
import org.notmono.model.projector.RoomWordWeights;
import org.notmono.model.safetensors.SafeTensorsReader;
import picocli.CommandLine;

/**
 * {@code notmono average}: the averaged checkpoint's every weight is the mean of the inputs' weights
 * as the model uses them, its adapters merged by hand here (W + alpha/r B A), and it answers.
 */
class LalmAverageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static TinyLalmFixture fixture;
    /** The fixture's checkpoint, one with random adapters beside its moved weights, and one with moved weights only. */
    private static List<Path> inputs;

    @BeforeAll
    static void threeCheckpointsOfOneModel() throws IOException {
        fixture = new TinyLalmFixture(dir);
        inputs = List.of(fixture.checkpoint, moved(dir.resolve("with-adapters"), 1, true), moved(dir.resolve("moved"), 2, false));
        // the last as written before projectors had room words (decision 0017): the same projector to average
        ObjectNode json = (ObjectNode) JSON.readTree(inputs.get(2).resolve(LalmCheckpoint.MODEL_JSON).toFile());
        ((ObjectNode) json.path("projector")).remove("roomWords");
        JSON.writeValue(inputs.get(2).resolve(LalmCheckpoint.MODEL_JSON).toFile(), json);
    }

    /** The fixture's model with every decoder and projector weight moved by noise, and random adapters if asked. */
    private static Path moved(Path out, long seed, boolean adapters) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (LalmModel model = LalmCheckpoint.load(fixture.checkpoint, Device.cpu())) {
            List<NDArray> arrays = new ArrayList<>(model.lm().weights().values());
            arrays.addAll(model.projectorParameters().values());
            if (adapters) {
                LoraAdapters lora = model.addLora(new LoraConfig(4, 8, List.of("q_proj", "v_proj"), 0, LoraConfig.Init.ZERO), seed);
                arrays.addAll(lora.parameters().values()); // B too, so the adapters change the model
            }
            for (NDArray a : arrays) {
                float[] v = a.toFloatArray();
                for (int i = 0; i < v.length; i++) {
                    v[i] += (float) (0.05 * random.nextGaussian());
                }
                a.set(FloatBuffer.wrap(v));
            }
            LalmCheckpoint.save(model, out, Map.of("stage", "stage3", "globalStep", seed));
        }
        assertEquals(adapters, Files.exists(out.resolve("lora.safetensors")));
        return out;
    }

    @Test
    void everyWeightIsTheMeanOfTheInputsWithTheirAdaptersMergedAndTheAverageAnswers() throws Exception {
        Path out = dir.resolve("average");
        AverageCommand command = new AverageCommand();
        new CommandLine(command).parseArgs(inputs.get(0).toString(), inputs.get(1).toString(), inputs.get(2).toString(), "-o", out.toString());
        assertEquals(0, command.call());

        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            List<Map<String, NDArray>> decoders = new ArrayList<>();
            for (Path input : inputs) {
                decoders.add(mergedByHand(input, m));
            }
            Map<String, NDArray> averaged = SafeTensorsReader.read(out.resolve("lm.safetensors"), m);
            assertEquals(decoders.getFirst().keySet(), averaged.keySet());
            for (String name : averaged.keySet()) {
                assertMean(name, decoders.stream().map(d -> d.get(name).toFloatArray()).toList(), averaged.get(name).toFloatArray());
            }
        }
        List<Map<String, float[]>> projectors = new ArrayList<>();
        for (Path input : inputs) {
            projectors.add(projector(input));
        }
        Map<String, float[]> averagedProjector = projector(out);
        for (String name : averagedProjector.keySet()) {
            assertMean(name, projectors.stream().map(p -> p.get(name)).toList(), averagedProjector.get(name));
        }

        JsonNode json = JSON.readTree(out.resolve(LalmCheckpoint.MODEL_JSON).toFile());
        assertEquals(inputs.stream().map(Path::toString).toList(), JSON.convertValue(json.path("training").path("averageOf"), List.class));
        assertEquals("stage3", json.path("training").path("stage").asText(), "the last checkpoint's training record, kept");
        assertFalse(Files.exists(out.resolve("lora.safetensors")), "the adapters are in the decoder's weights");
        String answer = AskCli.run(fixture.wavs.getFirst().toString(), TinyLalmFixture.COUNT_QUESTION, "--checkpoint", out.toString());
        assertFalse(answer.isBlank(), "the averaged checkpoint loads and answers");
    }

    /** A checkpoint's decoder weights with its adapters, if any, added as W + (alpha / r) B A, computed here in plain loops. */
    private static Map<String, NDArray> mergedByHand(Path checkpoint, NDManager m) throws IOException {
        Map<String, NDArray> weights = new java.util.LinkedHashMap<>(SafeTensorsReader.read(checkpoint.resolve("lm.safetensors"), m));
        Path adapters = checkpoint.resolve("lora.safetensors");
        if (!Files.exists(adapters)) {
            return weights;
        }
        LoraConfig config = LoraConfig.fromJson(JSON.readTree(checkpoint.resolve(LalmCheckpoint.MODEL_JSON).toFile()).path("lora"));
        Map<String, NDArray> lora = SafeTensorsReader.read(adapters, m);
        int merged = 0;
        for (String key : lora.keySet()) {
            if (!key.endsWith(".lora_A.weight")) {
                continue;
            }
            String module = key.substring("base_model.model.".length(), key.length() - ".lora_A.weight".length());
            float[] a = lora.get(key).toFloatArray();
            float[] b = lora.get(key.replace("lora_A", "lora_B")).toFloatArray();
            NDArray w = weights.get(module + ".weight");
            float[] v = LoraByHand.merged(w.toFloatArray(), w.getShape(), a, b, config.scale());
            weights.put(module + ".weight", m.create(v, w.getShape()));
            merged++;
        }
        int layers = JSON.readTree(checkpoint.resolve(LalmCheckpoint.MODEL_JSON).toFile()).path("lm").path("num_hidden_layers").asInt();
        assertEquals(2 * layers, merged, "q and v of every layer");
        return weights;
    }

    private static Map<String, float[]> projector(Path checkpoint) throws IOException {
        try (LalmModel model = LalmCheckpoint.load(checkpoint, Device.cpu())) {
            Map<String, float[]> out = new java.util.LinkedHashMap<>();
            model.projectorParameters().forEach((k, v) -> out.put(k, v.toFloatArray()));
            return out;
        }
    }

    private static void assertMean(String name, List<float[]> inputs, float[] averaged) {
        assertEquals(inputs.getFirst().length, averaged.length, name);
        for (int i = 0; i < averaged.length; i++) {
            double mean = 0;
            for (float[] input : inputs) {
                mean += input[i] / (double) inputs.size();
            }
            assertEquals(mean, averaged[i], 1e-5, name + "[" + i + "]");
        }
    }

    @Test
    void badInputIsNamed() throws IOException {
        InputException one = assertThrows(InputException.class, () -> run(fixture.checkpoint.toString(), "-o", dir.resolve("x").toString()));
        assertTrue(one.getMessage().contains("CHECKPOINT"), one.getMessage());
        InputException exists = assertThrows(InputException.class,
                () -> run(inputs.get(0).toString(), inputs.get(2).toString(), "-o", inputs.get(1).toString()));
        assertEquals(inputs.get(1) + " exists; average writes a new folder (remove it or choose another)", exists.getMessage());
        InputException notACheckpoint = assertThrows(InputException.class,
                () -> run(inputs.get(0).toString(), dir.toString(), "-o", dir.resolve("y").toString()));
        assertEquals(dir + " is not a LALM checkpoint (no model.json and lm.safetensors)", notACheckpoint.getMessage());

        Path otherTokenizer = dir.resolve("other-tokenizer");
        LalmTest.copyTree(inputs.get(2), otherTokenizer);
        ObjectNode json = (ObjectNode) JSON.readTree(otherTokenizer.resolve(LalmCheckpoint.MODEL_JSON).toFile());
        ((ObjectNode) json.path("vocabulary")).put("tokenizerSha256", "0".repeat(64));
        JSON.writeValue(otherTokenizer.resolve(LalmCheckpoint.MODEL_JSON).toFile(), json);
        InputException mismatch = assertThrows(InputException.class,
                () -> run(inputs.get(0).toString(), otherTokenizer.toString(), "-o", dir.resolve("z").toString()));
        assertEquals(otherTokenizer + " differs from " + inputs.get(0) + " in model.json's \"vocabulary\": only checkpoints of one"
                + " model (one run, or runs from one parent) can be averaged", mismatch.getMessage());
        assertFalse(Files.exists(dir.resolve("z")), "nothing is written");

        Path roomWords = dir.resolve("room-words");
        LalmTest.copyTree(inputs.get(2), roomWords);
        ObjectNode withRooms = (ObjectNode) JSON.readTree(roomWords.resolve(LalmCheckpoint.MODEL_JSON).toFile());
        ((ObjectNode) withRooms.path("projector")).set("roomWords", JSON.valueToTree(RoomWordWeights.words()));
        JSON.writeValue(roomWords.resolve(LalmCheckpoint.MODEL_JSON).toFile(), withRooms);
        InputException otherProjector = assertThrows(InputException.class,
                () -> run(inputs.get(0).toString(), roomWords.toString(), "-o", dir.resolve("w").toString()));
        assertEquals(roomWords + " differs from " + inputs.get(0) + " in model.json's \"projector\": only checkpoints of one"
                + " model (one run, or runs from one parent) can be averaged", otherProjector.getMessage());
    }

    private static void run(String... args) {
        CommandLine cl = new CommandLine(new AverageCommand());
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new InputException(e.getMessage(), e);
        }
        ((AverageCommand) cl.getCommand()).call();
    }
}
