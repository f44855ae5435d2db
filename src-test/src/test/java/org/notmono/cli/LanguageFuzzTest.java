package org.notmono.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.fuzz.CliFuzzer;
import org.notmono.app.fuzz.FuzzReport;
import org.notmono.app.fuzz.FuzzResult;
import org.notmono.app.fuzz.LanguageFuzzCases;
import org.notmono.app.fuzz.LanguageInputs;

/**
 * Keeps issue 17 fixed for the language side: seeded mutations of a tiny LALM checkpoint, an
 * encoder checkpoint, {@code ask --batch} files and an ASA benchmark folder go through the real
 * command line in this process, and each must end as the contract says (exit 2 with one line and
 * nothing written, or exit 0 with finite output; no trace, no exit 1, no hang, no stray file).
 */
class LanguageFuzzTest {
    private static final long SEED = 17;
    private static final int CASES = 120;
    /** Generous: the guard is against hangs, and a shared machine can be slow. */
    private static final Duration BUDGET = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void everyFuzzedLanguageInputKeepsTheContract() throws IOException {
        LanguageFuzzCases cases = new LanguageFuzzCases(SEED, LanguageInputs.create(work.resolve("base")));
        FuzzReport report = new CliFuzzer(BUDGET).run(SEED, cases, 0, CASES, work);
        String failures = report.failures().stream()
                .map(f -> f.fuzzCase() + "\n  -> " + f.outcome().label() + ": " + f.problem() + "\n  stderr: " + f.stderr().strip())
                .collect(Collectors.joining("\n"));
        assertTrue(report.failures().isEmpty(), report.table() + failures);
        assertEquals(CASES, report.results().size());
        // every command is reached and both succeeds (valid bf16 checkpoints, tolerated changes) and refuses
        Map<String, Map<FuzzResult.Outcome, Integer>> table = report.byTarget();
        assertEquals(Set.of("ask", "bench asa", "encode"), table.keySet(), report.table());
        for (String command : table.keySet()) {
            assertTrue(table.get(command).getOrDefault(FuzzResult.Outcome.DONE, 0) > 0, command + " never succeeded: " + report.table());
            assertTrue(table.get(command).getOrDefault(FuzzResult.Outcome.REFUSED, 0) > 0, command + " never refused: " + report.table());
        }
    }
}
