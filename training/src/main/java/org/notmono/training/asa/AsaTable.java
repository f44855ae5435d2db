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
 * and the overall row are recounted from the families' right and total counts.
 */
public final class AsaTable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AsaTable() {
    }

    /** One answerer's results.json. */
    public record Column(String name, JsonNode results) {
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
        return new Column(json.get("answerer").asText(), json);
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

    private static String percent(int[] n) {
        return String.format(Locale.ROOT, "%.1f", 100.0 * n[0] / n[1]);
    }

    /** The columns, a repeated name numbered from its second use: "lalm", "lalm (2)". */
    private static List<Column> distinctNames(List<Column> columns) {
        Map<String, Integer> seen = new HashMap<>();
        List<Column> out = new ArrayList<>();
        for (Column c : columns) {
            int k = seen.merge(c.name(), 1, Integer::sum);
            out.add(k == 1 ? c : new Column(c.name() + " (" + k + ")", c.results()));
        }
        return out;
    }
}
