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

/**
 * Keeps issue 17 fixed: a few hundred seeded, mutated WAVs, scenes, options and output paths go
 * through the real command line in this process, and every one must end as the contract says:
 * exit 2 with one line on stderr and nothing written, or exit 0 with complete, finite output;
 * no stack trace, no temporary file left, no case over its time budget (a hang).
 */
class CliFuzzTest {
    private static final long SEED = 17;
    private static final int CASES = 240;
    /** Generous: the guard is against hangs, and a shared machine can be slow. */
    private static final Duration BUDGET = Duration.ofSeconds(60);

    @TempDir
    Path work;

    @Test
    void everyFuzzedCommandLineKeepsTheContract() throws IOException {
        FuzzReport report = new CliFuzzer(BUDGET).run(SEED, 0, CASES, work);
        String failures = report.failures().stream()
                .map(f -> f.fuzzCase() + "\n  -> " + f.outcome().label() + ": " + f.problem() + "\n  stderr: " + f.stderr().strip())
                .collect(Collectors.joining("\n"));
        assertTrue(report.failures().isEmpty(), report.table() + failures);
        assertEquals(CASES, report.results().size());
        // the cases reach every command and both ways of keeping the contract, or they prove little
        Map<String, Map<FuzzResult.Outcome, Integer>> table = report.byTarget();
        assertEquals(Set.of("acoustics", "analyze", "binaural", "render", "rir", "spectrogram"), table.keySet(), report.table());
        for (String command : Set.of("analyze", "render", "spectrogram", "acoustics")) {
            assertTrue(table.get(command).getOrDefault(FuzzResult.Outcome.DONE, 0) > 0, command + " never succeeded: " + report.table());
            assertTrue(table.get(command).getOrDefault(FuzzResult.Outcome.REFUSED, 0) > 0, command + " never refused: " + report.table());
        }
    }
}
