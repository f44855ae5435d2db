package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.model.encoder.Encoder;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.sim.scene.metrics.LocalizationMetrics;
import org.notmono.sim.scene.metrics.MetricsBreakdown;
import org.notmono.task.TerminalProgressBar;
import org.notmono.training.stage1.DspEvaluation;
import org.notmono.training.stage1.PredictionEvaluation;
import org.notmono.training.stage1.SimDataset;
import org.notmono.training.stage1.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code notmono eval encoder --checkpoint C --data DIR [--json]}: the encoder and the DSP localizer on the same clips. */
@Command(name = "encoder", mixinStandardHelpOptions = true,
        description = {"Score an encoder checkpoint and the DSP localizer on a held-out dataset with the shared metrics.",
            "Both run on whole clips as users get them (Encoder.predict, the DSP localizer of 'analyze')."})
public class EvalEncoderCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR")
    Path checkpoint;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "held-out dataset (seed >= 100000)")
    Path data;

    @Option(names = "--limit", paramLabel = "N", description = "evaluate the first N clips only")
    Integer limit;

    @Option(names = "--json", description = "print {\"encoder\": M, \"dsp\": M, \"clips\": n, \"groups\": ...} as JSON (per number of sources, room size and reverberation)")
    boolean json;

    @Mixin
    EncoderEngineOptions engine;

    @Override
    public Integer call() throws IOException, InterruptedException {
        EngineSetup.threads(engine.threads);
        Device on = engine.device();
        JsonNode modelJson = readCheckpoint();
        int n = limit == null ? Integer.MAX_VALUE : limit;
        MetricsBreakdown encoder;
        MetricsBreakdown dsp;
        // Encoder.predict on whole clips: what the app and 'notmono encode' give users
        try (Encoder model = Encoder.load(checkpoint, on);
             TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            SimDataset dataset = SimDataset.open(data, model.classes());
            warnAboutData(modelJson, dataset);
            encoder = PredictionEvaluation.run(model, dataset.windows(), dataset.groups(), n, bar.slice(0, 0.6));
            dsp = DspEvaluation.run(dataset.windows(), dataset.groups(), n, engine.threads, bar.slice(0.6, 1));
        }
        if (json) {
            System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(asJson(encoder, dsp)));
        } else {
            printTable(encoder.overall(), dsp.overall());
            printGroups(encoder, dsp);
        }
        return 0;
    }

    /**
     * {@code {"encoder": M, "dsp": M, "clips": n, "groups": {"sources": {"1": {"encoder": M', "dsp": M'}, ...},
     * "room_size": {...}, "reverb": {...}}}}, M' being M with its clip and pair counts.
     */
    static Map<String, Object> asJson(MetricsBreakdown encoder, MetricsBreakdown dsp) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("encoder", encoder.overall().asMap());
        out.put("dsp", dsp.overall().asMap());
        out.put("clips", encoder.overall().clips());
        Map<String, Object> groups = new LinkedHashMap<>();
        Map<String, Map<String, LocalizationMetrics.Summary>> d = dsp.groups();
        encoder.groups().forEach((dimension, byGroup) -> {
            Map<String, Object> dimensionOut = new LinkedHashMap<>();
            byGroup.forEach((group, summary) -> {
                Map<String, Object> both = new LinkedHashMap<>();
                both.put("encoder", MetricsBreakdown.withSupport(summary));
                both.put("dsp", MetricsBreakdown.withSupport(d.get(dimension).get(group)));
                dimensionOut.put(group, both);
            });
            groups.put(dimension, dimensionOut);
        });
        out.put("groups", groups);
        return out;
    }

    private JsonNode readCheckpoint() {
        try {
            return EncoderCheckpoint.readModelJson(checkpoint);
        } catch (IOException e) {
            throw new InputException(e.getMessage());
        }
    }

    private static void warnAboutData(JsonNode modelJson, SimDataset dataset) {
        JsonNode training = modelJson.path("training");
        if (dataset.seed() < TrainingSettings.EVALUATION_SEEDS) {
            System.err.println("warning: " + dataset.root() + " has seed " + dataset.seed() + ", a training seed; held-out data uses seeds >= "
                    + TrainingSettings.EVALUATION_SEEDS);
        }
        boolean trainedOnIt = false;
        for (JsonNode seed : training.path("dataSeeds")) {
            trainedOnIt |= seed.asLong() == dataset.seed();
        }
        if (trainedOnIt) {
            System.err.println("warning: the checkpoint was trained on this dataset's seed " + dataset.seed());
        }
        String trainedOn = training.path("dataAssets").asText(null);
        if (trainedOn != null && dataset.assets() != null && !trainedOn.equals(dataset.assets())) {
            System.err.println("warning: the checkpoint was trained on data made from other assets (" + trainedOn
                    + ") than " + dataset.root() + " (" + dataset.assets() + ")");
        }
    }

    private static void printTable(LocalizationMetrics.Summary encoder, LocalizationMetrics.Summary dsp) {
        System.out.printf(Locale.ROOT, "%d clips%n%-26s %10s %10s%n", encoder.clips(), "metric", "encoder", "dsp");
        Map<String, Double> e = encoder.asMap();
        Map<String, Double> d = dsp.asMap();
        for (String key : List.copyOf(e.keySet())) {
            System.out.printf(Locale.ROOT, "%-26s %10s %10s%n", key, format(e.get(key)), format(d.get(key)));
        }
    }

    private static void printGroups(MetricsBreakdown encoder, MetricsBreakdown dsp) {
        Map<String, Map<String, LocalizationMetrics.Summary>> d = dsp.groups();
        encoder.groups().forEach((dimension, byGroup) -> {
            System.out.printf(Locale.ROOT, "%nby %s (encoder / dsp)%n%-10s %6s %17s %17s %17s %17s%n", dimension, "group", "clips",
                    "count_accuracy", "angular_deg", "distance_m", "class_accuracy");
            byGroup.forEach((group, e) -> {
                Map<String, Double> em = e.asMap();
                Map<String, Double> dm = d.get(dimension).get(group).asMap();
                System.out.printf(Locale.ROOT, "%-10s %6d", group, e.clips());
                for (String key : List.of("count_accuracy", "angular_error_deg", "distance_error_m", "class_accuracy")) {
                    System.out.printf(Locale.ROOT, " %17s", format(em.get(key)) + " / " + format(dm.get(key)));
                }
                System.out.println();
            });
        });
    }

    private static String format(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
