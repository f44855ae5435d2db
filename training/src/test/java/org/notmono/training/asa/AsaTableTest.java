package org.notmono.training.asa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;

/** The comparison table from hand-written results.json files, number by number. */
class AsaTableTest {
    @TempDir
    Path dir;

    private Path results(String name, String answerer, int withoutLetter, String families) throws IOException {
        Path p = dir.resolve(name + ".json");
        Files.writeString(p, "{\"answerer\": \"" + answerer + "\", \"withoutLetter\": " + withoutLetter + ", \"overall\": 99.0, \"families\": {"
                + families + "}}");
        return p;
    }

    private static String family(String id, int level, int items, int correct) {
        return "\"" + id + "\": {\"level\": " + level + ", \"items\": " + items + ", \"correct\": " + correct + "}";
    }

    private List<AsaTable.Column> threeColumns() throws IOException {
        return List.of(
                AsaTable.read(results("random", "random", 0, String.join(",", family("count", 1, 4, 1), family("azimuth", 1, 4, 1),
                        family("attribute", 2, 3, 0), family("rotate", 3, 5, 1)))),
                AsaTable.read(results("slots", "slots", 0, String.join(",", family("count", 1, 4, 3), family("azimuth", 1, 4, 4),
                        family("attribute", 2, 2, 1), family("rotate", 3, 5, 2)))),
                AsaTable.read(results("lalm", "lalm-stage3", 3, String.join(",", family("count", 1, 4, 1), family("azimuth", 1, 4, 2),
                        family("attribute", 2, 2, 2), family("rotate", 3, 5, 1)))));
    }

    @Test
    void familiesLevelsAndOverallAreRecountedAndTheGapIsTheBaselineMinusTheAnswerer() throws IOException {
        String expected = """
                | Task | Level | Items | random | slots | lalm-stage3 | slots − lalm-stage3 |
                |---|---|---:|---:|---:|---:|---:|
                | Count objects | L1 | 4 | 25.0 | 75.0 | 25.0 | +50.0 |
                | Localize azimuth | L1 | 4 | 25.0 | 100.0 | 50.0 | +50.0 |
                | Attribute verification | L2 | 3 | 0.0 | 50.0 (2) | 100.0 (2) | -50.0 |
                | Rotate observer | L3 | 5 | 20.0 | 40.0 | 20.0 | +20.0 |
                | **L1 Perception** |  | 8 | 25.0 | 87.5 | 37.5 | +50.0 |
                | **L2 Integration** |  | 3 | 0.0 | 50.0 (2) | 100.0 (2) | -50.0 |
                | **L3 Reasoning** |  | 5 | 20.0 | 40.0 | 20.0 | +20.0 |
                | **Overall** |  | 16 | 18.8 | 66.7 (15) | 40.0 (15) | +26.7 |
                | 95% interval, overall | | | 6.6–43.0 | 41.7–84.8 | 19.8–64.3 | - |
                | Answers without a letter | | | 0 | 0 | 3 | |
                """;
        assertEquals(expected, AsaTable.markdown(threeColumns(), "slots"));
    }

    @Test
    void withoutABaselineThereAreNoGapsAndRepeatedNamesAreNumbered() throws IOException {
        List<AsaTable.Column> columns = threeColumns();
        String table = AsaTable.markdown(List.of(columns.get(2), columns.get(2)), null);
        assertEquals("| Task | Level | Items | lalm-stage3 | lalm-stage3 (2) |", table.lines().findFirst().orElseThrow());
        assertEquals("| **Overall** |  | 15 | 40.0 | 40.0 |", table.lines().filter(l -> l.startsWith("| **Overall**")).findFirst().orElseThrow());
        InputException e = assertThrows(InputException.class, () -> AsaTable.markdown(columns, "oracle"));
        assertTrue(e.getMessage().contains("random, slots, lalm-stage3"), e.getMessage());
    }

    /**
     * A results.json in its own folder beside the answers.jsonl of 100 questions q0-q99: right on
     * q0-q39 and on q{@code from} to q{@code to - 1}, wrong on the rest.
     */
    private Path answered(String name, int right, int from, int to) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("results.json"), "{\"answerer\": \"" + name + "\", \"families\": {"
                + family("count", 1, 100, right) + "}}");
        StringBuilder lines = new StringBuilder();
        for (int q = 0; q < 100; q++) {
            boolean correct = q < 40 || (q >= from && q < to);
            lines.append("{\"id\": \"q").append(q).append("\", \"correct\": ").append(correct).append("}\n");
        }
        Files.writeString(folder.resolve("answers.jsonl"), lines);
        return folder.resolve("results.json");
    }

    @Test
    void intervalsAreWilsonsForEachAccuracyAndPairedForEachGap() throws IOException {
        // 40 right for both, 20 for the baseline alone (q40-59), 10 for the answerer alone (q60-69), 30 for neither
        String table = AsaTable.markdown(List.of(AsaTable.read(answered("slots", 60, 40, 60)), AsaTable.read(answered("lalm", 50, 60, 70))),
                "slots");
        // Wilson: 60/100 gives 50.2-69.1, 50/100 40.4-59.6; the differences are +1 twenty times and -1 ten times
        // out of 100, mean 0.1, sample deviation sqrt(29/99), so 10 +- 1.96 * 5.41 points
        assertEquals("| 95% interval, overall | | | 50.2–69.1 | 40.4–59.6 | -0.6 to +20.6 |",
                table.lines().filter(l -> l.startsWith("| 95%")).findFirst().orElseThrow());
        assertTrue(table.contains("| **Overall** |  | 100 | 60.0 | 50.0 | +10.0 |"), table);
    }

    @Test
    void aBrokenAnswersFileIsNamedWithItsLine() throws IOException {
        Path results = answered("lalm", 50, 60, 70);
        Path answers = results.resolveSibling("answers.jsonl");
        Files.writeString(answers, "{\"id\": \"q0\", \"correct\": true}\n{\"id\": \"q1\"}\n");
        InputException e = assertThrows(InputException.class, () -> AsaTable.read(results));
        assertTrue(e.getMessage().startsWith(answers + ": line 2 "), e.getMessage());
    }

    @Test
    void aFileThatIsNotAResultIsNamed() throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"overall\": 3}");
        assertTrue(assertThrows(InputException.class, () -> AsaTable.read(bad)).getMessage().startsWith(bad.toString()));
        Path wrong = results("wrong", "x", 0, family("count", 1, 2, 3));
        assertTrue(assertThrows(InputException.class, () -> AsaTable.read(wrong)).getMessage().contains("family count"));
        Path missing = dir.resolve("missing.json");
        assertTrue(assertThrows(InputException.class, () -> AsaTable.read(missing)).getMessage().contains("no such file"));
    }
}
