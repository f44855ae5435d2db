package org.notmono.training.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.sim.scene.Rtsd;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaJson;

/**
 * A benchmark folder as {@link BenchmarkBuilder} writes it, checked whole on opening: a missing
 * or malformed file is an {@link InputException} naming it.
 *
 * @param rtsds the scenes' RTSDs by scene id
 */
public record Benchmark(Path root, JsonNode manifest, List<QaItem> items, Map<String, JsonNode> rtsds) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Benchmark {
        items = List.copyOf(items);
        rtsds = Map.copyOf(rtsds);
    }

    public static Benchmark open(Path root) throws IOException {
        Path manifestFile = need(root, "benchmark.json");
        JsonNode manifest = json(manifestFile, Files.readString(manifestFile));
        if (!BenchmarkBuilder.FORMAT.equals(manifest.path("format").asText())) {
            throw new InputException(manifestFile + ": format is '" + manifest.path("format").asText() + "', expected '"
                    + BenchmarkBuilder.FORMAT + "'");
        }
        long seed = manifest.path("seed").asLong(-1);
        if (seed < BenchmarkBuilder.MIN_SEED) {
            throw new InputException(manifestFile + ": seed " + manifest.path("seed") + " is not a held-out seed (>= "
                    + BenchmarkBuilder.MIN_SEED + "); a benchmark of training scenes measures nothing, build one with"
                    + " 'notmono benchmark build --seed 100000'");
        }
        Path rtsdFile = need(root, "rtsd.jsonl");
        Map<String, JsonNode> rtsds = new HashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(rtsdFile)) {
            n++;
            JsonNode r = json(rtsdFile, line);
            if (!Rtsd.FORMAT.equals(r.path("format").asText())) {
                throw new InputException(rtsdFile + ":" + n + ": RTSD format is '" + r.path("format").asText() + "', expected '"
                        + Rtsd.FORMAT + "'");
            }
            rtsds.put(r.path("id").asText(), r);
        }
        Path itemsFile = need(root, "items.jsonl");
        List<QaItem> items = new ArrayList<>();
        n = 0;
        for (String line : Files.readAllLines(itemsFile)) {
            n++;
            QaItem q;
            try {
                q = QaJson.parse(line);
            } catch (IOException e) {
                throw new InputException(itemsFile + ":" + n + ": " + e.getMessage());
            }
            if (q.options() == null) {
                throw new InputException(itemsFile + ":" + n + ": item " + q.id() + " is not multiple choice");
            }
            if (!rtsds.containsKey(q.scene())) {
                throw new InputException(itemsFile + ":" + n + ": scene " + q.scene() + " is not in " + rtsdFile.getFileName());
            }
            if (!Files.isRegularFile(root.resolve(q.clip()))) {
                throw new InputException(root.resolve(q.clip()) + " is missing; the benchmark folder is incomplete, build it again");
            }
            items.add(q);
        }
        if (items.isEmpty()) {
            throw new InputException(itemsFile + " holds no items");
        }
        if (items.size() != manifest.path("items").asInt(-1)) {
            throw new InputException(itemsFile + " holds " + items.size() + " items but benchmark.json says "
                    + manifest.path("items").asInt(-1) + "; the folder is incomplete, build it again");
        }
        return new Benchmark(root, manifest, items, rtsds);
    }

    /**
     * At most {@code n} items, stratified: the families take turns (levels interleaved: count,
     * attribute, abduction, event class, ...), each giving its items in benchmark order and in
     * proportion to its size, so every family appears once {@code n} reaches 18. The items keep
     * their benchmark order.
     */
    public Benchmark limit(int n) {
        if (n >= items.size()) {
            return this;
        }
        Map<Family, Integer> size = new EnumMap<>(Family.class);
        items.forEach(q -> size.merge(q.family(), 1, Integer::sum));
        Map<Family, Integer> rank = new EnumMap<>(Family.class);
        List<Integer> order = new ArrayList<>();
        double[] share = new double[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Family f = items.get(i).family();
            int r = rank.merge(f, 1, Integer::sum) - 1;
            share[i] = (r + 0.5) / size.get(f);
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> share[i])
                .thenComparingInt(i -> indexInLevel(items.get(i).family()))
                .thenComparingInt(i -> items.get(i).level()));
        List<Integer> kept = new ArrayList<>(order.subList(0, Math.max(0, n)));
        kept.sort(null);
        return new Benchmark(root, manifest, kept.stream().map(items::get).toList(), rtsds);
    }

    private static int indexInLevel(Family f) {
        int k = 0;
        for (Family g : Family.values()) {
            if (g == f) {
                return k;
            }
            k += g.level() == f.level() ? 1 : 0;
        }
        throw new IllegalStateException();
    }

    public Path clip(QaItem q) {
        return root.resolve(q.clip());
    }

    private static Path need(Path root, String name) {
        Path p = root.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new InputException(p + " is missing; " + root + " is not a complete benchmark folder (make one with "
                    + "'notmono benchmark build')");
        }
        return p;
    }

    private static JsonNode json(Path file, String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }
}
