package org.notmono.sim.dataset;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.BuildInfo;
import org.notmono.cli.InputException;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.random.Themes;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.scene.AssetsFingerprint;
import org.notmono.sim.sources.ClipLibrary;
import org.notmono.task.CancelledException;
import org.notmono.task.TaskContext;

/**
 * Builds a dataset folder (DESIGN.md): {@code manifest.json} and {@code shard-NNNNN/} folders,
 * shards in parallel on all cores. Resumable: complete shards are skipped, leftovers of an
 * interrupted shard are deleted and the shard is made again (it depends only on seed and index).
 */
public final class DatasetBuilder {
    public static final String FORMAT = "notmono.dataset/1";
    public static final String GENERATOR = "notmono-sim/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final DatasetConfig config;
    private final ClipLibrary library;
    private final int threads;

    public DatasetBuilder(DatasetConfig config, ClipLibrary library, int threads) {
        this.config = config;
        this.library = library;
        this.threads = Math.max(1, threads);
    }

    /** Result of a build: how many shards were made now and how many were already there. */
    public record Outcome(int shardsMade, int shardsSkipped, long items) {
    }

    public Outcome build(Path root, TaskContext task) throws IOException {
        prepare(root);
        List<Integer> todo = new ArrayList<>();
        for (int k = 0; k < config.shards(); k++) {
            if (!Files.isDirectory(root.resolve(ShardWriter.shardName(k)))) {
                todo.add(k);
            }
        }
        long total = todo.stream().mapToLong(k -> config.endIndex(k) - config.firstIndex(k)).sum();
        AtomicLong done = new AtomicLong();
        ShardWriter writer = new ShardWriter(config, generator(), new ClipLoader(library, root));
        task.progress(0, todo.size() + " of " + config.shards() + " shards to make");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int k : todo) {
                futures.add(pool.submit(() -> {
                    writer.write(root, k, task, () -> {
                        long d = done.incrementAndGet();
                        task.progress((double) d / total, d + " / " + total + " scenes");
                    });
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
        long items = writeManifest(root, true);
        return new Outcome(todo.size(), config.shards() - todo.size(), items);
    }

    private RandomSceneGenerator generator() throws IOException {
        if (config.themedShare() == 0) {
            return new RandomSceneGenerator(library, config.duration());
        }
        return new RandomSceneGenerator(library, config.duration(), Themes.fromAssets(), config.themedShare());
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException re -> throw re;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Creates the folder, checks that an existing dataset there is this one, removes interrupted shards. */
    private void prepare(Path root) throws IOException {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new InputException("dataset folder " + root + " is a file; choose a new or empty folder for -o");
        }
        try {
            Files.createDirectories(root);
        } catch (FileSystemException e) {
            throw new InputException("cannot create the dataset folder " + root + " ("
                    + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName()) + "); choose another -o");
        }
        if (!Files.isWritable(root)) {
            throw new InputException("dataset folder " + root + " is not writable; choose another -o");
        }
        Path manifest = root.resolve("manifest.json");
        if (Files.exists(manifest)) {
            JsonNode old;
            try {
                old = MAPPER.readTree(manifest.toFile());
            } catch (JsonProcessingException e) {
                old = null;
            }
            if (old == null || !old.path("config").isObject() || !old.path("seed").isIntegralNumber()) {
                throw new InputException(manifest + " is not a dataset manifest; use another -o");
            }
            JsonNode want = configJson();
            if (!want.equals(old.get("config")) || old.get("seed").asLong() != config.seed()) {
                throw new InputException(root + " holds a different dataset (" + old.get("config") + ", seed "
                        + old.get("seed") + "); use another -o or the same options to resume it");
            }
        } else {
            try (Stream<Path> s = Files.list(root)) {
                if (s.anyMatch(p -> !p.getFileName().toString().startsWith("."))) {
                    throw new InputException(root + " is not empty and holds no dataset manifest; choose an empty or new folder");
                }
            }
        }
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("\\.shard-\\d+\\.tmp")).toList()) {
                RenderOutput.deleteRecursively(p);
            }
        }
        writeManifest(root, false);
    }

    private ObjectNode configJson() {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("count", config.count());
        c.put("duration", config.duration());
        c.put("sampleRate", RandomSceneGenerator.SAMPLE_RATE);
        c.put("shardSize", config.shardSize());
        if (config.themedShare() > 0) {
            c.put("themed", config.themedShare());
        }
        c.put("clips", library.getClass().getSimpleName() + " (" + library.clips().size() + " clips)");
        return c;
    }

    /** Writes the manifest; when complete, with counts and statistics over all shards. Returns the item count. */
    private long writeManifest(Path root, boolean complete) throws IOException {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("format", FORMAT);
        m.put("generator", GENERATOR);
        m.put("commit", BuildInfo.gitCommit());
        m.put("assets", AssetsFingerprint.sha256());
        m.put("seed", config.seed());
        m.set("config", configJson());
        m.put("complete", complete);
        long items = 0;
        if (complete) {
            DatasetSummary summary = new DatasetSummary();
            for (int k = 0; k < config.shards(); k++) {
                for (String line : Files.readAllLines(root.resolve(ShardWriter.shardName(k)).resolve("rtsd.jsonl"))) {
                    summary.add(MAPPER.readTree(line));
                }
            }
            items = summary.items();
            ObjectNode counts = m.putObject("counts");
            counts.put("items", items);
            counts.put("shards", config.shards());
            m.set("summary", summary.toJson(MAPPER));
        }
        RenderOutput.writeAtomically(root.resolve("manifest.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        return items;
    }
}
