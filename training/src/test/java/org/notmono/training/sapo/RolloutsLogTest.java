package org.notmono.training.sapo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rollouts.jsonl: records survive a round trip with their parts in order; torn lines are skipped; resume truncates. */
class RolloutsLogTest {
    @TempDir
    Path dir;

    static RolloutRecord record(long step, String family, double... rewards) {
        double[] advantages = GroupAdvantages.of(rewards, 0);
        List<RolloutRecord.Answer> answers = new java.util.ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            Map<String, Double> parts = new LinkedHashMap<>();
            parts.put("format", 1.0);
            parts.put("accuracy", rewards[i] > 1 ? 1.0 : 0.0);
            parts.put("hallucination", 0.0);
            answers.add(new RolloutRecord.Answer("<think>I hear it \"left\"\n</think><answer>" + (char) ('A' + i) + "</answer>",
                    i == 0 ? null : (char) ('D' - i), parts, rewards[i], advantages[i]));
        }
        return new RolloutRecord(step, "q-" + step + "-" + family, family, "Where is the dog?\nA. front\nB. left", "B", answers);
    }

    @Test
    void aLogWrittenBeforeAnswersNamedTheirOptionStillReads() throws Exception {
        Path file = dir.resolve("older.jsonl");
        Files.writeString(file, "{\"step\":1,\"promptId\":\"q\",\"family\":\"count\",\"question\":\"How many?\",\"truth\":\"B\","
                + "\"answers\":[{\"text\":\"<answer>B. Two</answer>\",\"parts\":{\"accuracy\":1.0},\"reward\":1.0,\"advantage\":0.5}]}\n");
        RolloutRecord.Answer a = RolloutsLog.read(file).records().getFirst().answers().getFirst();
        assertEquals(new RolloutRecord.Answer("<answer>B. Two</answer>", null, Map.of("accuracy", 1.0), 1.0, 0.5), a);
    }

    @Test
    void roundTripKeepsEveryFieldAndSkipsATornLine() throws Exception {
        Path file = dir.resolve(RolloutsLog.FILE);
        List<RolloutRecord> written = List.of(record(1, "azimuth", 0.5, 2.5), record(1, "count", 1, 1), record(2, "azimuth", 3, 0.5));
        RolloutsLog.append(file, written.subList(0, 2));
        RolloutsLog.append(file, written.subList(2, 3));
        Files.writeString(file, "{\"step\": 3, \"promptId\": \"q-3", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RolloutsLog.Contents read = RolloutsLog.read(file);
        assertEquals(written, read.records());
        assertEquals(1, read.skipped());
        assertEquals(List.of("format", "accuracy", "hallucination"), List.copyOf(read.records().getFirst().answers().getFirst().parts().keySet()));

        RolloutsLog.truncateAfter(file, 1);
        assertEquals(new RolloutsLog.Contents(written.subList(0, 2), 0), RolloutsLog.read(file));
        assertEquals(new RolloutsLog.Contents(List.of(), 0), RolloutsLog.read(dir.resolve("absent.jsonl")));
    }
}
