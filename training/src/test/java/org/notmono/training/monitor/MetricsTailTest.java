package org.notmono.training.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTailTest {
    @TempDir
    Path dir;

    static String line(long step, double loss) {
        return "{\"stage\":\"stage1\",\"globalStep\":" + step + ",\"epoch\":0,\"wallTime\":" + (1000 + step)
                + ",\"metrics\":{\"train/loss\":" + loss + ",\"val/f20\":null}}\n";
    }

    private void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void readsOnlyWhatWasAddedAndKeepsAHalfWrittenLineForLater() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        MetricsTail tail = new MetricsTail(file);
        assertTrue(tail.poll().isEmpty(), "no file yet: nothing, no error");

        append(file, line(1, 0.9) + line(2, 0.8));
        MetricsTail.Update first = tail.poll();
        assertEquals(List.of(1L, 2L), first.records().stream().map(MetricRecord::step).toList());
        assertEquals(0.8, first.records().get(1).metrics().get("train/loss"), 0);
        assertTrue(Double.isNaN(first.records().get(1).metrics().get("val/f20")), "null is a missing value");
        assertEquals(1002.0, first.records().get(1).wallTime(), 0);
        assertEquals(Files.size(file), tail.offset());

        String third = line(3, 0.7);
        append(file, third.substring(0, 25)); // the writer is mid-line
        MetricsTail.Update half = tail.poll();
        assertTrue(half.records().isEmpty() && half.notices().isEmpty(), "a half-written line is neither a record nor a notice");

        append(file, third.substring(25) + line(4, 0.6));
        MetricsTail.Update rest = tail.poll();
        assertEquals(List.of(3L, 4L), rest.records().stream().map(MetricRecord::step).toList(), "the kept half joins its end");
        assertFalse(rest.restarted());
        assertTrue(tail.poll().isEmpty(), "nothing new, nothing read");
    }

    @Test
    void aCorruptCompleteLineIsSkippedWithANotice() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        append(file, line(1, 0.9) + "{\"stage\":\"stage1\",\"globalSt\n" + "[1, 2]\n"
                + "{\"globalStep\": 7, \"metrics\": {}} trailing\n" + "{\"globalStep\": 1.5, \"metrics\": {}}\n" + line(2, 0.8));
        MetricsTail.Update u = new MetricsTail(file).poll();
        assertEquals(List.of(1L, 2L), u.records().stream().map(MetricRecord::step).toList());
        assertEquals(List.of("metrics.jsonl line 2 is not a metrics record; skipped",
                "metrics.jsonl line 3 is not a metrics record; skipped", "metrics.jsonl line 4 is not a metrics record; skipped",
                "metrics.jsonl line 5 is not a metrics record; skipped"), u.notices());
    }

    @Test
    void aReplacedFileIsReadFromItsStartAndSaysSo() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        append(file, line(1, 0.9) + line(2, 0.8) + line(3, 0.7));
        MetricsTail tail = new MetricsTail(file);
        assertEquals(3, tail.poll().records().size());
        // a resumed run rewrites the file without the steps after its checkpoint (temp file + rename)
        Path tmp = dir.resolve("metrics.jsonl.tmp");
        Files.writeString(tmp, line(1, 0.9) + line(2, 0.8));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        append(file, line(3, 0.65));
        MetricsTail.Update u = tail.poll();
        assertTrue(u.restarted());
        assertEquals(List.of(1L, 2L, 3L), u.records().stream().map(MetricRecord::step).toList());
        assertEquals(0.65, u.records().get(2).metrics().get("train/loss"), 0);
    }

    @Test
    void aTailThroughARunHistoryNeverShowsAStepTwice() throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        RunHistory history = new RunHistory();
        MetricsTail tail = new MetricsTail(file);
        append(file, line(1, 0.9) + line(2, 0.8) + line(3, 0.7));
        apply(history, tail.poll());
        // a writer that resumed at step 2 without truncating: steps 2 and 3 come again
        append(file, line(2, 0.5) + line(3, 0.4) + line(4, 0.3));
        apply(history, tail.poll());
        assertEquals(4, history.size());
        assertEquals(List.of(1L, 2L, 3L, 4L), List.of(history.step(0), history.step(1), history.step(2), history.step(3)));
        assertEquals(0.5, history.value("train/loss", 1), 0, "the later record of a step wins");
    }

    private static void apply(RunHistory h, MetricsTail.Update u) {
        if (u.restarted()) {
            h.clear();
        }
        h.addAll(u.records());
    }
}
