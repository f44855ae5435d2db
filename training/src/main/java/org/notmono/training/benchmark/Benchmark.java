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
        List<Integer> kept = new ArrayList<>(turns(items.stream().map(QaItem::family).toList()).subList(0, Math.max(0, n)));
        kept.sort(null);
        return new Benchmark(root, manifest, kept.stream().map(items::get).toList(), rtsds);
    }

    /**
     * The order in which {@link #limit} takes the items of these families, in rounds: first every family's first item,
     * then each family's k-th item in round 1 + floor(share * smallest family's size), its share of the family being
     * (k + 1/2) / size; within a round the families take turns (count, attribute, abduction, event class, ...). Rounds,
     * not the shares themselves, come first, so a family of 56 items does not go before every family of 55.
     */
    static List<Integer> turns(List<Family> families) {
        Map<Family, Integer> size = new EnumMap<>(Family.class);
        families.forEach(f -> size.merge(f, 1, Integer::sum));
        int smallest = size.values().stream().min(Integer::compare).orElse(1);
        Map<Family, Integer> rank = new EnumMap<>(Family.class);
        List<Integer> order = new ArrayList<>();
        int[] round = new int[families.size()];
        double[] share = new double[families.size()];
        for (int i = 0; i < families.size(); i++) {
            int r = rank.merge(families.get(i), 1, Integer::sum) - 1;
            share[i] = (r + 0.5) / size.get(families.get(i));
            round[i] = r == 0 ? 0 : 1 + (int) Math.floor(share[i] * smallest);
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> round[i])
                .thenComparingInt(i -> indexInLevel(families.get(i)))
                .thenComparingInt(i -> families.get(i).level())
                .thenComparingDouble(i -> share[i]));
        return order;
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
