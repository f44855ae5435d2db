package org.notmono.training.qa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.sim.scene.Rtsd;

/**
 * The RTSDs of a dataset folder (DESIGN.md: {@code manifest.json} and {@code shard-NNNNN/rtsd.jsonl}),
 * in shard and line order, each with its clip's path relative to the folder. A folder without
 * RTSDs, or an RTSD of another format, is an {@link InputException} naming the file.
 */
public final class DatasetRtsds {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DatasetRtsds() {
    }

    /** One scene of a dataset. */
    public record Scene(JsonNode rtsd, String clip) {
    }

    /** The dataset's seed from its manifest (0 when it has none). */
    public static long seed(Path root) throws IOException {
        Path manifest = root.resolve("manifest.json");
        return Files.isRegularFile(manifest) ? MAPPER.readTree(manifest.toFile()).path("seed").asLong(0) : 0;
    }

    public static List<Scene> read(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new InputException(root + " is not a folder; give a dataset made by 'notmono dataset'");
        }
        List<Path> shards;
        try (Stream<Path> s = Files.list(root)) {
            shards = s.filter(p -> p.getFileName().toString().matches("shard-\\d{5}") && Files.isDirectory(p)).sorted().toList();
        }
        List<Scene> scenes = new ArrayList<>();
        for (Path shard : shards) {
            Path file = shard.resolve("rtsd.jsonl");
            if (!Files.isRegularFile(file)) {
                throw new InputException(file + " is missing: the shard has no RTSDs to make questions from");
            }
            int n = 0;
            for (String line : Files.readAllLines(file)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode r;
                try {
                    r = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new InputException(file + ":" + n + ": not valid JSON (" + e.getOriginalMessage() + ")");
                }
                if (!Rtsd.FORMAT.equals(r.path("format").asText())) {
                    throw new InputException(file + ":" + n + ": RTSD format is '" + r.path("format").asText() + "'; this version reads "
                            + Rtsd.FORMAT);
                }
                scenes.add(new Scene(r, root.relativize(shard).resolve(String.format(Locale.ROOT, "%08d.wav",
                        r.path("index").asLong())).toString()));
            }
        }
        if (scenes.isEmpty()) {
            throw new InputException(root + " holds no RTSDs (no shard-NNNNN/rtsd.jsonl); give a dataset made by 'notmono dataset'");
        }
        return scenes;
    }
}
