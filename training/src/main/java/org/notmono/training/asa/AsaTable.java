package org.notmono.training.asa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.training.qa.Family;

/**
 * Several {@code bench asa} results side by side as one Markdown table, the way TWNM table 3
 * compares models: accuracy per family, per level and overall, one column per answerer (named by
 * results.json's "answerer"), and gap columns: every answerer listed after the gap baseline
 * (usually {@code slots}, the encoder's slots read by exact rules) gets a column of the baseline's
 * accuracy minus its own, in points: what reasoning in words loses over the same hearing. Levels
 * and the overall row are recounted from the families' right and total counts. A row under the
 * overall one gives 95% intervals ({@link AccuracyInterval}): each overall accuracy's, and each gap's from the
 * answers.jsonl beside the two results.json, question by question.
 */
public final class AsaTable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AsaTable() {
    }

    /**
     * One answerer's results.json.
     *
     * @param answers each question's id and whether it was answered right, from the answers.jsonl
     *                beside results.json; null when there is none
     */
    public record Column(String name, JsonNode results, Map<String, Boolean> answers) {
        int[] counts(Predicate<Family> which) { // {correct, items}
            int right = 0, total = 0;
            for (Family f : Family.values()) {
                JsonNode n = results.path("families").path(f.id());
                if (which.test(f) && n.isObject()) {
                    right += n.path("correct").asInt();
                    total += n.path("items").asInt();
                }
            }
            return new int[] {right, total};
        }
    }

    /** Reads a results.json written by {@code bench asa}; an unreadable or foreign file is an {@link InputException} naming it. */
    public static Column read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file + ": no such file; give the results.json files 'notmono bench asa' writes");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (json == null || !json.path("answerer").isTextual() || !json.path("families").isObject()) {
            throw new InputException(file + ": not a 'notmono bench asa' results.json (no \"answerer\" and \"families\")");
        }
        for (var it = json.path("families").fields(); it.hasNext(); ) {
            var e = it.next();
            try {
                Family.of(e.getKey());
            } catch (IllegalArgumentException x) {
                throw new InputException(file + ": " + x.getMessage());
            }
            int items = e.getValue().path("items").asInt(-1), correct = e.getValue().path("correct").asInt(-1);
            if (items < 1 || correct < 0 || correct > items) {
                throw new InputException(file + ": family " + e.getKey() + " needs \"items\" >= 1 and 0 <= \"correct\" <= items");
            }
        }
        return new Column(json.get("answerer").asText(), json, answers(file.resolveSibling("answers.jsonl")));
    }

    /** Each question's id and whether it was answered right; null when the file is absent. */
    private static Map<String, Boolean> answers(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Map<String, Boolean> right = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode a;
            try {
                a = MAPPER.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                throw new InputException(file + ": line " + (i + 1) + " is not valid JSON (" + e.getOriginalMessage() + ")");
            }
            if (a == null || !a.path("id").isTextual() || !a.path("correct").isBoolean()) {
                throw new InputException(file + ": line " + (i + 1) + " is not an answer of 'notmono bench asa' (no \"id\" and \"correct\")");
            }
            right.put(a.get("id").asText(), a.get("correct").asBoolean());
        }
        return right;
    }

    /**
     * The table.
     *
     * @param gapBaseline the column the gaps are taken from, or null for no gap columns
     * @throws InputException when {@code gapBaseline} names no column
     */
    public static String markdown(List<Column> given, String gapBaseline) {
        List<Column> columns = distinctNames(given);
        int base = -1;
        if (gapBaseline != null) {
            for (int i = 0; i < columns.size() && base < 0; i++) {
                base = columns.get(i).name().equals(gapBaseline) ? i : -1;
            }
            if (base < 0) {
                throw new InputException("--gap " + gapBaseline + " names none of the answerers: "
                        + String.join(", ", columns.stream().map(Column::name).toList()));
            }
        }
        List<Integer> gaps = new ArrayList<>();
        for (int i = base + 1; base >= 0 && i < columns.size(); i++) {
            gaps.add(i);
        }
        StringBuilder b = new StringBuilder("| Task | Level | Items |");
        columns.forEach(c -> b.append(' ').append(c.name()).append(" |"));
        for (int i : gaps) {
            b.append(' ').append(columns.get(base).name()).append(" − ").append(columns.get(i).name()).append(" |");
        }
        b.append("\n|---|---|---:|").append("---:|".repeat(columns.size() + gaps.size())).append('\n');
        for (Family f : Family.values()) {
            if (columns.stream().anyMatch(c -> c.results().path("families").has(f.id()))) {
                row(b, f.title(), "L" + f.level(), columns, gaps, base, g -> g == f);
            }
        }
        for (int level = 1; level <= 3; level++) {
            int l = level;
            row(b, "**" + Family.levelName(level) + "**", "", columns, gaps, base, f -> f.level() == l);
        }
        row(b, "**Overall**", "", columns, gaps, base, f -> true);
        intervals(b, columns, gaps, base);
        b.append("| Answers without a letter | | |");
        columns.forEach(c -> b.append(' ').append(c.results().path("withoutLetter").asInt()).append(" |"));
        gaps.forEach(i -> b.append(" |"));
        b.append('\n');
        return b.toString();
    }

    /** One row: the items of the first column that has any, each accuracy (with its own count when it differs), the gaps. */
    private static void row(StringBuilder b, String title, String level, List<Column> columns, List<Integer> gaps, int base,
                            Predicate<Family> which) {
        int items = columns.stream().mapToInt(c -> c.counts(which)[1]).filter(n -> n > 0).findFirst().orElse(0);
        b.append("| ").append(title).append(" | ").append(level).append(" | ").append(items).append(" |");
        for (Column c : columns) {
            int[] n = c.counts(which);
            b.append(' ').append(n[1] == 0 ? "-" : percent(n) + (n[1] == items ? "" : " (" + n[1] + ")")).append(" |");
        }
        for (int i : gaps) {
            int[] x = columns.get(base).counts(which), y = columns.get(i).counts(which);
            b.append(' ').append(x[1] == 0 || y[1] == 0 ? "-"
                    : String.format(Locale.ROOT, "%+.1f", 100.0 * x[0] / x[1] - 100.0 * y[0] / y[1])).append(" |");
        }
        b.append('\n');
    }

    /**
     * The 95% intervals: of each overall accuracy, and of each gap on the questions both answerers
     * answered ("-" without both answers.jsonl), with that count when it is not the row's.
     */
    private static void intervals(StringBuilder b, List<Column> columns, List<Integer> gaps, int base) {
        int items = columns.stream().mapToInt(c -> c.counts(f -> true)[1]).filter(n -> n > 0).findFirst().orElse(0);
        b.append("| 95% interval, overall | | |");
        for (Column c : columns) {
            int[] n = c.counts(f -> true);
            AccuracyInterval i = n[1] == 0 ? null : AccuracyInterval.wilson(n[0], n[1]);
            b.append(' ').append(i == null ? "-" : i.range()).append(" |");
        }
        for (int g : gaps) {
            Map<String, Boolean> x = columns.get(base).answers(), y = columns.get(g).answers();
            int shared = 0, onlyX = 0, onlyY = 0;
            for (var e : x == null || y == null ? Map.<String, Boolean>of().entrySet() : x.entrySet()) {
                Boolean other = y.get(e.getKey());
                if (other != null) {
                    shared++;
                    onlyX += e.getValue() && !other ? 1 : 0;
                    onlyY += other && !e.getValue() ? 1 : 0;
                }
            }
            AccuracyInterval i = shared < 2 ? null : AccuracyInterval.pairedDifference(onlyX, onlyY, shared);
            b.append(' ').append(i == null ? "-" : String.format(Locale.ROOT, "%+.1f to %+.1f", i.low(), i.high())
                    + (shared == items ? "" : " (" + shared + ")")).append(" |");
        }
        b.append('\n');
    }

    private static String percent(int[] n) {
        return String.format(Locale.ROOT, "%.1f", 100.0 * n[0] / n[1]);
    }

    /** The columns, a repeated name numbered from its second use: "lalm", "lalm (2)". */
    private static List<Column> distinctNames(List<Column> columns) {
        Map<String, Integer> seen = new HashMap<>();
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            int k = seen.merge(c.name(), 1, Integer::sum);
            out.add(k == 1 ? c : new Column(c.name() + " (" + k + ")", c.results(), c.answers()));
        }
        return out;
    }
}
