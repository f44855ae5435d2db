package org.notmono.training.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.model.encoder.Encoder;
import org.notmono.sim.scene.metrics.LocalizationMetrics;
import org.notmono.sim.scene.metrics.MetricsBreakdown;
import org.notmono.task.TerminalProgressBar;
import org.notmono.training.distance.DrrDistanceOracle;
import org.notmono.training.distance.DrrDistanceOracle.SourceDrr;
import org.notmono.training.stage1.PredictionEvaluation;
import org.notmono.training.stage1.SimDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code notmono eval distance-oracle --data DIR [--checkpoint C]}: how well a source's distance
 * follows from the DRR of its RIR, next to predicting the mean distance and (optionally) the encoder.
 */
@Command(name = "distance-oracle", mixinStandardHelpOptions = true,
        description = {"Distance error of predictors reading each source's direct-to-reverberant ratio (DRR).",
            "The DRR is measured on the omnidirectional RIR the simulator recomputes from the scene's RTSD; the predictors",
            "are cross-validated over scenes (2 folds), beside predicting the mean distance and, with --checkpoint, the",
            "encoder on the same scenes (docs/encoder.md)."})
public class EvalDistanceOracleCommand implements Callable<Integer> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> SIZES = List.of("small", "medium", "large");

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "a dataset made by 'notmono dataset' (held out: seed >= 100000)")
    Path data;

    @Option(names = "--limit", paramLabel = "N", description = "the first N scenes only")
    Integer limit;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "also score this encoder (Encoder.predict) on the same scenes")
    Path checkpoint;

    @Option(names = "--json", description = "print the numbers as JSON")
    boolean json;

    @Mixin
    EncoderEngineOptions engine;

    @Override
    public Integer call() throws IOException {
        if (limit != null && limit < 2) {
            throw new InputException("--limit " + limit + ": use at least 2 scenes (the fits are cross-validated over 2 folds)");
        }
        int n = limit == null ? Integer.MAX_VALUE : limit;
        List<SourceDrr> measured;
        MetricsBreakdown encoder = null;
        try (TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            measured = DrrDistanceOracle.measure(data, n, checkpoint == null ? bar : bar.slice(0, 0.5));
            if (checkpoint != null) {
                EngineSetup.threads(engine.threads);
                try (Encoder model = Encoder.load(checkpoint, engine.device())) {
                    SimDataset dataset = SimDataset.open(data, model.classes());
                    encoder = PredictionEvaluation.run(model, dataset.windows(), dataset.groups(), n, bar.slice(0.5, 1));
                }
            }
        }
        List<SourceDrr> sources = DrrDistanceOracle.scored(measured);
        Map<String, double[]> predictions = DrrDistanceOracle.crossValidate(measured);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scenes", measured.isEmpty() ? 0 : measured.getLast().scene() + 1);
        out.put("sources", sources.size());
        out.put("sources_without_drr", measured.size() - sources.size());
        Map<String, Object> errors = new LinkedHashMap<>();
        predictions.forEach((name, predicted) -> {
            Map<String, Double> byGroup = new LinkedHashMap<>();
            byGroup.put("all", finite(DrrDistanceOracle.meanAbsoluteError(sources, predicted, s -> true)));
            for (String size : SIZES) {
                byGroup.put(size, finite(DrrDistanceOracle.meanAbsoluteError(sources, predicted, s -> size.equals(s.roomSize()))));
            }
            errors.put(name, byGroup);
        });
        if (encoder != null) {
            Map<String, Double> byGroup = new LinkedHashMap<>();
            byGroup.put("all", finite(encoder.overall().distanceErrorM()));
            Map<String, LocalizationMetrics.Summary> sizes = encoder.groups().getOrDefault(MetricsBreakdown.ROOM_SIZE, Map.of());
            for (String size : SIZES) {
                byGroup.put(size, sizes.containsKey(size) ? finite(sizes.get(size).distanceErrorM()) : null);
            }
            errors.put("encoder", byGroup);
        }
        out.put("distance_error_m", errors);
        out.put("mean_distance_m", sources.stream().mapToDouble(SourceDrr::distance).average().orElse(Double.NaN));
        if (json) {
            System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        } else {
            printTable(out, errors);
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static void printTable(Map<String, Object> out, Map<String, Object> errors) {
        System.out.printf(Locale.ROOT, "%s sources in %s scenes (%s without a finite DRR); mean distance %.2f m%n", out.get("sources"),
                out.get("scenes"), out.get("sources_without_drr"), (Double) out.get("mean_distance_m"));
        System.out.printf(Locale.ROOT, "%-44s %8s %8s %8s %8s%n", "distance error (m), predictor", "all", "small", "medium", "large");
        Map<String, String> labels = Map.of("training_mean", "mean distance of the other fold",
                "drr_global", "ln d fitted on the DRR", "drr_room", "ln d fitted on the DRR and ln r_c of the room",
                "drr_theory", "r_c 10^(-DRR/20), no fit", "encoder", "encoder (Encoder.predict, matched pairs)");
        errors.forEach((name, value) -> {
            Map<String, Double> byGroup = (Map<String, Double>) value;
            System.out.printf(Locale.ROOT, "%-44s", labels.get(name));
            for (String group : List.of("all", "small", "medium", "large")) {
                Double v = byGroup.get(group);
                System.out.printf(Locale.ROOT, " %8s", v == null ? "-" : String.format(Locale.ROOT, "%.3f", v));
            }
            System.out.println();
        });
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
