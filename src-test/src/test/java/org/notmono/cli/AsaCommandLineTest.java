package org.notmono.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notmono qa}, {@code benchmark build} and {@code bench asa} on good and bad input. */
class AsaCommandLineTest {
    @TempDir
    Path dir;

    private static CommandLineTest.Result run(String... args) {
        return CommandLineTest.run(args);
    }

    private static void oneLineNaming(CommandLineTest.Result r, String what) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(what), r.err());
    }

    @Test
    void qaMakesItemsFromADatasetsRtsds() throws IOException {
        Path data = dir.resolve("data");
        assertEquals(0, run("dataset", "--seed", "3", "--count", "6", "--duration", "0.5", "--themed", "0.5", "-o", data.toString()).code());
        Path out = dir.resolve("qa.jsonl");
        CommandLineTest.Result r = run("qa", "--data", data.toString(), "--kind", "cot", "--families", "count,azimuth,room", "-o",
                out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.size() >= 6, "at least one count item per scene: " + lines.size());
        assertTrue(lines.stream().allMatch(l -> l.contains("\"kind\":\"cot\"") && l.contains("<think>")), lines.getFirst());
        assertTrue(lines.stream().allMatch(l -> l.matches(".*\"family\":\"(count|azimuth|room)\".*")));
    }

    @Test
    void aDatasetWithoutRtsdsIsBadInputNamingTheFileAndNothingIsWritten() throws IOException {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("shard-00000"));
        Path out = dir.resolve("qa.jsonl");
        oneLineNaming(run("qa", "--data", data.toString(), "--kind", "mcq", "-o", out.toString()), "rtsd.jsonl");
        assertFalse(Files.exists(out));
        oneLineNaming(run("qa", "--data", dir.resolve("empty").toString(), "--kind", "mcq", "-o", out.toString()), "empty");
        assertFalse(Files.exists(out));
    }

    @Test
    void anRtsdOfAnUnknownFormatIsBadInputNamingTheLine() throws IOException {
        Path shard = Files.createDirectories(dir.resolve("data/shard-00000"));
        Files.writeString(shard.resolve("rtsd.jsonl"), "{\"format\": \"notmono.rtsd/9\", \"id\": \"x\"}\n");
        Path out = dir.resolve("qa.jsonl");
        oneLineNaming(run("qa", "--data", dir.resolve("data").toString(), "--kind", "open", "-o", out.toString()), "rtsd.jsonl:1");
        assertFalse(Files.exists(out));
        oneLineNaming(run("qa", "--data", dir.resolve("data").toString(), "--kind", "essay", "-o", out.toString()), "--kind");
        oneLineNaming(run("qa", "--data", dir.resolve("data").toString(), "--kind", "mcq", "--families", "weather", "-o",
                out.toString()), "weather");
    }

    @Test
    void benchmarksRefuseTrainingSeedsAndIncompleteFolders() throws IOException {
        Path out = dir.resolve("bench");
        oneLineNaming(run("benchmark", "build", "--seed", "42", "-o", out.toString()), "100000");
        assertFalse(Files.exists(out));
        Files.createDirectories(out);
        oneLineNaming(run("bench", "asa", "--benchmark", out.toString(), "--answerer", "oracle"), "benchmark.json");
        assertFalse(Files.exists(out.resolve("answers")));
    }

    @Test
    void theRuleAnswerersRefuseABenchmarkOfAnotherGenerator() throws IOException {
        Path bench = dir.resolve("old-bench");
        assertEquals(0, run("benchmark", "build", "--seed", "100000", "--items", "18", "--threads", "1", "-o", bench.toString()).code());
        Path manifest = bench.resolve("benchmark.json");
        Files.writeString(manifest, Files.readString(manifest).replaceAll("\"notmono-asa/\\d+\"", "\"notmono-asa/1\""));
        oneLineNaming(run("bench", "asa", "--benchmark", bench.toString(), "--answerer", "oracle"), "notmono-asa/1");
        assertEquals(0, run("bench", "asa", "--benchmark", bench.toString(), "--answerer", "random").code());
    }

    @Test
    void theLalmAnswerersAndTheTableNameWhatIsMissing() throws IOException {
        Path bench = Files.createDirectories(dir.resolve("bench"));
        oneLineNaming(run("bench", "asa", "--benchmark", bench.toString(), "--answerer", "lalm", "--checkpoint",
                dir.resolve("nothing").toString()), "--checkpoint");
        oneLineNaming(run("bench", "asa", "--benchmark", bench.toString(), "--answerer", "text-only", "--checkpoint", bench.toString()),
                "not a LALM checkpoint");
        oneLineNaming(run("bench", "asa-table", dir.resolve("results.json").toString()), "no such file");
    }
}
