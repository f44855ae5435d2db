package org.notmono.training.stage1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.scene.RoomCategory;
import org.notmono.sim.scene.metrics.MetricsBreakdown;

/**
 * A dataset folder made by the simulator (DESIGN.md: {@code manifest.json}, {@code shard-NNNNN/}
 * with {@code NNNNNNNN.wav} and {@code rtsd.jsonl}) read as labelled windows, one per scene.
 */
public final class SimDataset {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path root;
    private final JsonNode manifest;
    private final List<ClipWindow> windows;
    private final List<Map<String, String>> groups;

    private SimDataset(Path root, JsonNode manifest, List<ClipWindow> windows, List<Map<String, String>> groups) {
        this.root = root;
        this.manifest = manifest;
        this.windows = List.copyOf(windows);
        this.groups = List.copyOf(groups);
    }

    /** Reads the folder; a folder that is not a complete dataset is an {@link InputException} naming it. */
    public static SimDataset open(Path root, List<String> vocabulary) throws IOException {
        Path manifestFile = root.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new InputException(root + " is not a dataset folder (no manifest.json); make one with 'notmono dataset'");
        }
        JsonNode manifest = MAPPER.readTree(manifestFile.toFile());
        if (!"notmono.dataset/1".equals(manifest.path("format").asText())) {
            throw new InputException(manifestFile + ": format is not notmono.dataset/1");
        }
        if (!manifest.path("complete").asBoolean(false)) {
            throw new InputException(root + " is an unfinished dataset; run the same 'notmono dataset' command again to complete it");
        }
        List<Path> shards;
        try (Stream<Path> s = Files.list(root)) {
            shards = s.filter(p -> p.getFileName().toString().matches("shard-\\d{5}") && Files.isDirectory(p)).sorted().toList();
        }
        List<ClipWindow> windows = new ArrayList<>();
        List<Map<String, String>> groups = new ArrayList<>();
        for (Path shard : shards) {
            int lineNumber = 0;
            for (String line : Files.readAllLines(shard.resolve("rtsd.jsonl"))) {
                lineNumber++;
                JsonNode rtsd = MAPPER.readTree(line);
                String where = shard.resolve("rtsd.jsonl") + ":" + lineNumber;
                Path wav = shard.resolve(String.format(Locale.ROOT, "%08d.wav", rtsd.path("index").asLong()));
                if (!Files.isRegularFile(wav)) {
                    throw new InputException(where + ": the scene's audio " + wav.getFileName() + " is missing");
                }
                windows.add(new ClipWindow(wav, 0, labels(rtsd, vocabulary)));
                groups.add(roomGroups(rtsd.path("room")));
            }
        }
        if (windows.isEmpty()) {
            throw new InputException(root + " holds no scenes");
        }
        return new SimDataset(root, manifest, windows, groups);
    }

    /**
     * The room's size and reverberation categories as the RTSD states them (computed from its size
     * and mean absorption by {@link RoomCategory} when an older RTSD lacks them; null when unknown).
     */
    static Map<String, String> roomGroups(JsonNode room) {
        String size = room.path("category").asText(null);
        JsonNode dims = room.path("size");
        if (size == null && dims.size() == 3) {
            size = RoomCategory.size(new Shoebox(dims.get(0).asDouble(), dims.get(1).asDouble(), dims.get(2).asDouble()));
        }
        String reverb = room.path("reverb").asText(null);
        if (reverb == null && room.path("meanAbsorption").isNumber()) {
            reverb = RoomCategory.reverb(room.path("meanAbsorption").asDouble());
        }
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(MetricsBreakdown.ROOM_SIZE, size);
        groups.put(MetricsBreakdown.REVERB, reverb);
        return groups;
    }

    static SceneLabels labels(JsonNode rtsd, List<String> vocabulary) {
        List<SourceLabel> sources = new ArrayList<>();
        for (JsonNode s : rtsd.path("sources")) {
            String classId = s.path("class").asText(null);
            sources.add(new SourceLabel(s.path("id").asText(), s.path("azimuth").asDouble(), s.path("elevation").asDouble(),
                    s.path("distance").asDouble(), classId, vocabulary.indexOf(classId)));
        }
        JsonNode room = rtsd.path("room");
        return new SceneLabels(rtsd.path("id").asText(), sources, room.path("surface").asDouble(Double.NaN),
                room.path("meanAbsorption").asDouble(Double.NaN), false);
    }

    public Path root() {
        return root;
    }

    /** sha256 of the assets the scenes were made from, or null. */
    public String assets() {
        return manifest.path("assets").asText(null);
    }

    public long seed() {
        return manifest.path("seed").asLong();
    }

    public List<ClipWindow> windows() {
        return windows;
    }

    /** Each window's room groups ({@link MetricsBreakdown#ROOM_SIZE}, {@link MetricsBreakdown#REVERB}), in the order of {@link #windows}. */
    public List<Map<String, String>> groups() {
        return groups;
    }
}
