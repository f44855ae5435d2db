package org.notmono.training.stage1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.cli.InputException;
import org.notmono.model.encoder.EncoderConfig;

/**
 * Everything a Stage 1 run is made of: the encoder's architecture, the training settings and
 * the loss weights. Written to the run's {@code config.json} (under {@code "stage1"}); that file,
 * or this record's JSON alone, can be passed back as {@code --config FILE}.
 */
public record Stage1Config(EncoderConfig encoder, TrainingSettings training, LossWeights loss) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A named config ({@code tiny}, {@code base}, {@code paper}) or a JSON file. */
    public static Stage1Config resolve(String nameOrFile) throws IOException {
        if (EncoderConfig.NAMES.contains(nameOrFile)) {
            return new Stage1Config(EncoderConfig.named(nameOrFile), TrainingSettings.defaults(nameOrFile), LossWeights.defaults());
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new InputException("--config " + nameOrFile + " is neither one of " + EncoderConfig.NAMES + " nor a file");
        }
        JsonNode json = MAPPER.readTree(file.toFile());
        // a run's config.json holds the Stage 1 config under "stage1"
        return fromJson(json.has("stage1") ? json.get("stage1") : json, file.toString());
    }

    /** Reads the JSON of {@link #toJson()}; the encoder may also be given by name. */
    public static Stage1Config fromJson(JsonNode json, String nameForErrors) {
        try {
            JsonNode e = json.get("encoder");
            EncoderConfig encoder = e != null && e.isTextual() ? EncoderConfig.named(e.asText())
                    : MAPPER.treeToValue(required(e, "encoder", nameForErrors), EncoderConfig.class);
            return new Stage1Config(encoder,
                    MAPPER.treeToValue(required(json.get("training"), "training", nameForErrors), TrainingSettings.class),
                    MAPPER.treeToValue(required(json.get("loss"), "loss", nameForErrors), LossWeights.class));
        } catch (IOException | IllegalArgumentException ex) {
            throw new InputException(nameForErrors + ": not a Stage 1 config: " + ex.getMessage());
        }
    }

    private static JsonNode required(JsonNode node, String field, String where) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("missing \"" + field + "\" in " + where);
        }
        return node;
    }

    public ObjectNode toJson() {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("format", "notmono.stage1-config/1");
        json.set("encoder", MAPPER.valueToTree(encoder));
        json.set("training", MAPPER.valueToTree(training));
        json.set("loss", MAPPER.valueToTree(loss));
        return json;
    }
}
