package org.notmono.training.monitor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.training.asa.AccuracyInterval;

/**
 * An evaluation's JSON as a table, one row per metric and one column per scored system, and the
 * rows worth a bar chart. Two formats: {@code notmono eval encoder --json} ({@code {"encoder": M,
 * "dsp": M, "clips": n, "groups": ...}}; the per-group breakdown under {@code groups} is not shown
 * here), and the {@code results.json} of {@code notmono bench asa --json}
 * ({@code answerer}, {@code items}, {@code overall}, {@code levels}, {@code families}: accuracy
 * in percent per family, per level and overall; then, beside the score, the share of answers
 * stating the right option's text ({@code rightOptionText}, a count) and how often an answer's
 * letter is its option walk's "yes" ({@code walk.letterFollowsWalk} of {@code walk.answers}),
 * empty where results.json has no such field).
 *
 * @param clips      how many clips or items were scored
 * @param countUnit  what {@code clips} counts: "clips" or "items"
 * @param valueLabel what the values are, for a chart's axis
 * @param chart      the rows a bar chart shows (levels and overall for the ASA benchmark; none
 *                   for the encoder's metrics, which have no common scale)
 */
public record EvalResult(List<String> systems, List<Row> rows, int clips, String countUnit, String valueLabel, List<Row> chart) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param values one per system, NaN where it has no value
     * @param cells  the values as the table shows them, one per system
     */
    public record Row(String metric, List<Double> values, List<String> cells) {
        /** A row of numbers, shown with 4 decimals and "-" where there is no value. */
        public Row(String metric, List<Double> values) {
            this(metric, values, values.stream().map(v -> Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-").toList());
        }
    }

    public static EvalResult parse(String json) throws java.io.IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject()) {
            throw new java.io.IOException("not an evaluation result: " + json.strip().lines().findFirst().orElse(""));
        }
        if (root.has("answerer") && root.path("levels").isObject()) {
            return asa(root);
        }
        List<String> systems = new ArrayList<>();
        Set<String> metrics = new LinkedHashSet<>();
        root.properties().forEach(e -> {
            // a system's metrics are numbers (null where it has none); "groups" holds the per-group breakdown
            if (e.getValue().isObject() && !e.getKey().equals("groups")) {
                systems.add(e.getKey());
                e.getValue().fieldNames().forEachRemaining(metrics::add);
            }
        });
        List<Row> rows = new ArrayList<>();
        for (String m : metrics) {
            rows.add(new Row(m, systems.stream().map(s -> root.get(s).path(m))
                    .map(v -> v.isNumber() ? v.asDouble() : Double.NaN).toList()));
        }
        return new EvalResult(systems, rows, root.path("clips").asInt(0), "clips", "value", List.of());
    }

    /** The ASA benchmark's results: a row per family ("azimuth (L1)"), then L1, L2, L3 and overall. */
    private static EvalResult asa(JsonNode root) {
        List<Row> rows = new ArrayList<>();
        root.path("families").properties().forEach(e -> rows.add(new Row(e.getKey() + " (L" + e.getValue().path("level").asInt() + ")",
                List.of(number(e.getValue().path("accuracy"))))));
        List<Row> chart = new ArrayList<>();
        root.path("levels").properties().forEach(e -> chart.add(new Row(e.getKey(), List.of(number(e.getValue())))));
        chart.add(new Row("overall", List.of(number(root.path("overall")))));
        rows.addAll(chart);
        rows.add(overallInterval(root.path("families")));
        rows.add(rightOptionText(root));
        rows.add(letterFollowsWalk(root.path("walk")));
        return new EvalResult(List.of(root.path("answerer").asText("answerer")), rows, root.path("items").asInt(0), "items",
                "accuracy (%)", chart);
    }

    /** The 95% interval of the overall accuracy, from the families' counts; empty without them. */
    private static Row overallInterval(JsonNode families) {
        int correct = 0, items = 0;
        for (JsonNode f : families) {
            correct += f.path("correct").asInt(0);
            items += f.path("items").asInt(0);
        }
        if (items < 1 || correct > items) {
            return new Row("overall, 95% interval", List.of(Double.NaN), List.of(""));
        }
        return new Row("overall, 95% interval", List.of(Double.NaN), List.of(AccuracyInterval.wilson(correct, items).range()));
    }

    /** Answers stating the right option's text after their letter, in percent of the items; empty when not counted. */
    private static Row rightOptionText(JsonNode root) {
        String metric = "right option's text (%)";
        JsonNode count = root.path("rightOptionText");
        if (!count.isNumber()) {
            return new Row(metric, List.of(Double.NaN), List.of(""));
        }
        int items = root.path("items").asInt(0);
        return new Row(metric, List.of(items == 0 ? Double.NaN : 100.0 * count.asInt() / items));
    }

    /** "M of N": of the N answers that walked the options, M named the letter the walk said "yes" to; empty without walks. */
    private static Row letterFollowsWalk(JsonNode walk) {
        JsonNode follows = walk.path("letterFollowsWalk"), answers = walk.path("answers");
        if (!follows.isNumber() || !answers.isNumber() || answers.asInt() == 0) {
            return new Row("letter follows walk", List.of(Double.NaN), List.of(""));
        }
        return new Row("letter follows walk", List.of(100.0 * follows.asInt() / answers.asInt()),
                List.of(follows.asInt() + " of " + answers.asInt()));
    }

    private static double number(JsonNode v) {
        return v.isNumber() ? v.asDouble() : Double.NaN; // a level without items is written as NaN (not a number in JSON)
    }
}
