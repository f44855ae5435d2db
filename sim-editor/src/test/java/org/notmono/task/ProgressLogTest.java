package org.notmono.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Progress as whole lines for logs: the first report, then at most one a period, and always the last. */
class ProgressLogTest {

    @Test
    void printsTheFirstAndTheLastReportAsWholeLinesAndNothingBetweenWithinThePeriod() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ProgressLog log = new ProgressLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ofHours(1))) {
            for (int done = 1; done <= 10; done++) {
                log.progress(done / 10.0, done + " / 10 questions");
            }
            log.progress(1.0, "10 / 10 questions"); // a repeated end is not printed twice
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains(" 10.0%") && lines.get(0).endsWith("1 / 10 questions") && lines.get(0).contains(" left"), lines.get(0));
        assertTrue(lines.get(1).contains("100.0%") && lines.get(1).endsWith("10 / 10 questions"), lines.get(1));
        assertTrue(lines.stream().noneMatch(l -> l.contains("\r") || l.contains("\u001b")), "no terminal control characters");
    }

    @Test
    void aZeroPeriodPrintsEveryReport() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLog log = new ProgressLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), Duration.ZERO);
        for (int done = 1; done <= 4; done++) {
            log.progress(done / 4.0, done + " / 4");
        }
        assertEquals(4, bytes.toString(StandardCharsets.UTF_8).lines().count());
    }
}
