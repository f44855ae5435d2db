package org.notmono.sim.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.sim.sources.TestSignalLibrary;
import org.notmono.task.CancelledException;
import org.notmono.task.TaskContext;

class DatasetBuilderTest {
    private static final DatasetConfig CONFIG = new DatasetConfig(5, 10, 0.5, 3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A context that asks the job to stop once it has reported {@code after} finished scenes. */
    private static TaskContext killedAfter(int after) {
        AtomicInteger seen = new AtomicInteger();
        return new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
                if (message.endsWith("scenes")) {
                    seen.incrementAndGet();
                }
            }

            @Override
            public boolean isCancelled() {
                return seen.get() >= after;
            }
        };
    }

    @Test
    void resumesAfterAnInterruptionWithoutDuplicatesGapsOrHalfFiles() throws IOException {
        Path resumed = dir.resolve("resumed");
        // one thread, so that after 4 scenes shard 0 (3 scenes) is complete and shard 1 is half made
        assertThrows(CancelledException.class,
                () -> new DatasetBuilder(CONFIG, new TestSignalLibrary(), 1).build(resumed, killedAfter(4)));
        assertTrue(Files.isDirectory(resumed.resolve("shard-00000")));
        assertTrue(Files.isDirectory(resumed.resolve(".shard-00001.tmp")), "the interrupted shard stays temporary");
        // what a kill leaves: complete shards only under their final names
        for (Path shard : shards(resumed)) {
            assertTrue(Files.exists(shard.resolve("rtsd.jsonl")), shard + " is complete");
        }
        // and a half-written leftover of a shard that was being made
        Path leftover = Files.createDirectories(resumed.resolve(".shard-00003.tmp"));
        Files.writeString(leftover.resolve("00000009.wav"), "RIFF half");

        DatasetBuilder.Outcome outcome = new DatasetBuilder(CONFIG, new TestSignalLibrary(), 2).build(resumed, TaskContext.none());
        assertEquals(10, outcome.items());
        assertEquals(4, outcome.shardsMade() + outcome.shardsSkipped());
        assertEquals(1, outcome.shardsSkipped(), "the complete shard is skipped");

        Path fresh = dir.resolve("fresh");
        new DatasetBuilder(CONFIG, new TestSignalLibrary(), 2).build(fresh, TaskContext.none());
        List<Path> a = files(resumed), b = files(fresh);
        assertEquals(b.stream().map(p -> fresh.relativize(p).toString()).toList(),
                a.stream().map(p -> resumed.relativize(p).toString()).toList());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).getFileName().toString().equals("manifest.json")) {
                assertArrayEquals(Files.readAllBytes(b.get(i)), Files.readAllBytes(a.get(i)), "same bytes: " + a.get(i));
            }
        }
        List<String> ids = new ArrayList<>();
        for (Path shard : shards(resumed)) {
            for (String line : Files.readAllLines(shard.resolve("rtsd.jsonl"))) {
                JsonNode rtsd = JSON.readTree(line);
                ids.add(rtsd.get("id").asText());
                AudioClip clip = Wav.read(shard.resolve(String.format("%08d.wav", rtsd.get("index").asLong())));
                assertEquals(4, clip.channelCount());
                assertEquals(8000, clip.frames());
            }
        }
        assertEquals(List.of("s5-000000", "s5-000001", "s5-000002", "s5-000003", "s5-000004", "s5-000005",
                "s5-000006", "s5-000007", "s5-000008", "s5-000009"), ids);
        JsonNode manifest = JSON.readTree(resumed.resolve("manifest.json").toFile());
        assertTrue(manifest.get("complete").asBoolean());
        assertEquals(10, manifest.get("counts").get("items").asInt());
        assertEquals(10, manifest.get("summary").get("roomCategories").properties().stream()
                .mapToInt(e -> e.getValue().asInt()).sum());
        try (Stream<Path> s = Files.list(resumed)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary folders left");
        }
    }

    @Test
    void refusesAFolderHoldingAnotherDataset() throws IOException {
        Path root = dir.resolve("d");
        new DatasetBuilder(new DatasetConfig(5, 2, 0.25, 3), new TestSignalLibrary(), 1).build(root, TaskContext.none());
        InputException e = assertThrows(InputException.class,
                () -> new DatasetBuilder(new DatasetConfig(6, 2, 0.25, 3), new TestSignalLibrary(), 1).build(root, TaskContext.none()));
        assertTrue(e.getMessage().contains("different dataset"), e.getMessage());
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("thesis.txt"), "mine");
        assertThrows(InputException.class,
                () -> new DatasetBuilder(CONFIG, new TestSignalLibrary(), 1).build(other, TaskContext.none()));
    }

    private static List<Path> shards(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().startsWith("shard-")).sorted().toList();
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
