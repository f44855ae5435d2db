package org.notmono.training.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.random.Themes;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.scene.AssetsFingerprint;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.sources.ClipLibrary;
import org.notmono.task.CancelledException;
import org.notmono.task.TaskContext;
import org.notmono.training.qa.AnswerBalance;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaGenerator;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaJson;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.qa.SceneFacts;
import org.notmono.training.qa.UnrenderedTruth;

/**
 * Builds the ASA benchmark (DESIGN.md: {@code benchmark.json}, {@code items.jsonl},
 * {@code rtsd.jsonl}, {@code clips/}) from held-out random scenes. Scenes are taken in index
 * order; each gives multiple-choice items to at most {@value #ITEMS_PER_SCENE} families that it
 * can answer unambiguously and whose answers it keeps balanced ({@link AnswerBalance}), the
 * families furthest from their quota first, until every quota is met. Only scenes that give
 * items are rendered. Everything is a function of the seed, so the same seed gives the same
 * bytes. The folder appears whole or not at all.
 */
public final class BenchmarkBuilder {
    public static final String FORMAT = "notmono.benchmark/1";
    public static final String GENERATOR = "notmono-asa/2";
    public static final long MIN_SEED = 100_000;
    public static final double DURATION = 4.0;
    public static final double THEMED_SHARE = 0.5;
    static final int ITEMS_PER_SCENE = 3;
    private static final int MAX_SCENES = 100_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ClipLibrary library;
    private final QaVocabulary vocabulary;
    private final int threads;

    public BenchmarkBuilder(ClipLibrary library, QaVocabulary vocabulary, int threads) {
        this.library = library;
        this.vocabulary = vocabulary;
        this.threads = Math.max(1, threads);
    }

    /** What was built. */
    public record Outcome(int items, int scenes) {
    }

    public Outcome build(long seed, BenchmarkPlan plan, Path out, TaskContext task) throws IOException {
        if (seed < MIN_SEED) {
            throw new InputException("--seed " + seed + " is a training seed; benchmarks use held-out seeds >= " + MIN_SEED);
        }
        if (Files.exists(out) && !isEmptyFolder(out)) {
            throw new InputException(out + " already exists and is not empty; choose a new folder for -o");
        }
        RandomSceneGenerator scenes = new RandomSceneGenerator(library, DURATION, Themes.fromAssets(), THEMED_SHARE);
        QaGenerator qa = new QaGenerator(vocabulary, Phrasings.standard(), Phrasings.Set.ALL);
        ClipLoader clips = new ClipLoader(library, Path.of("."));
        task.progress(0, "choosing scenes");
        List<Chosen> chosen = choose(seed, plan, scenes, qa, clips, task);
        Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".part");
        RenderOutput.deleteRecursively(tmp);
        Files.createDirectories(tmp.resolve("clips"));
        try {
            List<String> rtsdLines = render(seed, chosen, scenes, clips, tmp, task.slice(0.05, 1));
            List<String> itemLines = new ArrayList<>();
            Map<Family, Integer> counts = new EnumMap<>(Family.class);
            for (int i = 0; i < chosen.size(); i++) {
                for (QaItem q : chosen.get(i).items()) {
                    itemLines.add(QaJson.line(q));
                    counts.merge(q.family(), 1, Integer::sum);
                }
            }
            Files.write(tmp.resolve("items.jsonl"), itemLines);
            Files.write(tmp.resolve("rtsd.jsonl"), rtsdLines);
            Files.writeString(tmp.resolve("benchmark.json"), manifest(seed, counts, chosen.size()));
            if (Files.exists(out)) {
                Files.delete(out);
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            RenderOutput.deleteRecursively(tmp);
            throw e;
        }
        return new Outcome(chosen.stream().mapToInt(c -> c.items().size()).sum(), chosen.size());
    }

    /** A scene that gives items. */
    private record Chosen(long index, String themeId, List<QaItem> items) {
    }

    private List<Chosen> choose(long seed, BenchmarkPlan plan, RandomSceneGenerator scenes, QaGenerator qa, ClipLoader clips,
                                TaskContext task) {
        Map<Family, Integer> left = new EnumMap<>(plan.quota());
        List<Chosen> chosen = new ArrayList<>();
        AnswerBalance balance = new AnswerBalance();
        int itemIndex = 0;
        RtsdBuilder rtsds = new RtsdBuilder(clips);
        for (long index = 0; left.values().stream().anyMatch(n -> n > 0); index++) {
            if (index >= MAX_SCENES) {
                throw new IllegalStateException("no scenes for " + left + " after " + MAX_SCENES + " scenes");
            }
            task.checkCancelled();
            RandomSceneGenerator.RandomScene drawn = scenes.draw(seed, index);
            SceneFacts facts = SceneFacts.of(UnrenderedTruth.of(rtsds, seed, index, drawn));
            List<Family> order = new ArrayList<>(left.keySet());
            order.sort(Comparator.comparingInt((Family f) -> -left.get(f)).thenComparing(Family::ordinal));
            List<QaItem> items = new ArrayList<>();
            for (Family f : order) {
                if (items.size() == ITEMS_PER_SCENE || left.get(f) == 0) {
                    continue;
                }
                long scene = index, item = itemIndex;
                Optional<QaItem> q = balance.choose(v -> qa.generate(facts, clipName(scene), f, QaKind.MCQ, seed, item, v),
                        QaGenerator.VARIANTS);
                if (q.isPresent()) {
                    items.add(q.get());
                    left.merge(f, -1, Integer::sum);
                    itemIndex++;
                }
            }
            if (!items.isEmpty()) {
                chosen.add(new Chosen(index, drawn.themeId(), items));
            }
        }
        return chosen;
    }

    private List<String> render(long seed, List<Chosen> chosen, RandomSceneGenerator scenes, ClipLoader clips, Path tmp,
                                TaskContext task) throws IOException {
        String[] lines = new String[chosen.size()];
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    task.checkCancelled();
                    Chosen c = chosen.get(k);
                    var scene = scenes.draw(seed, c.index()).scene();
                    try {
                        RenderedScene rendered = new SceneRenderer(clips).render(scene, TaskContext.none());
                        Rtsd rtsd = new RtsdBuilder(clips).build(RandomSceneGenerator.id(seed, c.index()), seed, c.index(), scene,
                                rendered, c.themeId());
                        Wav.write(tmp.resolve(clipName(c.index())), new AudioClip(scene.sampleRate(), rendered.audio()),
                                SampleEncoding.PCM_16);
                        lines[k] = RtsdJson.line(rtsd);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    int d = done.incrementAndGet();
                    task.progress((double) d / chosen.size(), "rendered " + d + " / " + chosen.size() + " scenes");
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case UncheckedIOException io -> throw io.getCause();
                case RuntimeException re -> throw re;
                case Error err -> throw err;
                default -> throw new IllegalStateException(e.getCause());
            }
        } finally {
            pool.shutdownNow();
        }
        return List.of(lines);
    }

    private String manifest(long seed, Map<Family, Integer> counts, int scenes) throws IOException {
        ObjectNode m = MAPPER.createObjectNode();
        m.put("format", FORMAT);
        m.put("generator", GENERATOR);
        m.put("seed", seed);
        m.put("assets", AssetsFingerprint.sha256());
        m.put("duration", DURATION);
        m.put("themedShare", THEMED_SHARE);
        m.put("scenes", scenes);
        m.put("items", counts.values().stream().mapToInt(Integer::intValue).sum());
        ObjectNode levels = m.putObject("levels");
        for (int level = 1; level <= 3; level++) {
            int l = level;
            levels.put("L" + level, counts.entrySet().stream().filter(e -> e.getKey().level() == l).mapToInt(Map.Entry::getValue).sum());
        }
        ObjectNode families = m.putObject("families");
        counts.forEach((f, n) -> families.put(f.id(), n));
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n";
    }

    static String clipName(long index) {
        return String.format(Locale.ROOT, "clips/%08d.wav", index);
    }

    private static boolean isEmptyFolder(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (var s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }
}
