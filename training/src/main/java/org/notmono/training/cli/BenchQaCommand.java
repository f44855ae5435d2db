package org.notmono.training.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.random.Themes;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.sim.sources.ClipLibrary;
import org.notmono.training.qa.DatasetRtsds;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaCorpus;
import org.notmono.training.qa.QaGenerator;
import org.notmono.training.qa.QaJson;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.qa.UnrenderedTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code notmono bench qa}: QA items per second on one thread, from RTSDs in memory to JSON
 * lines, for every kind, over all 18 families: the median wall time of warm runs, and the
 * thread's CPU time per run (what one core does, whatever else the machine is running).
 */
@Command(name = "qa", mixinStandardHelpOptions = true,
        description = "Time QA generation: items per second on one core, RTSD to JSON line, all families.")
public class BenchQaCommand implements Callable<Integer> {

    @Option(names = "--scenes", defaultValue = "500", paramLabel = "N", description = "scenes (default ${DEFAULT-VALUE})")
    int scenes;

    @Option(names = "--runs", defaultValue = "7", paramLabel = "R")
    int runs;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || scenes < 1) {
            throw new org.notmono.cli.InputException("--runs and --scenes must be at least 1");
        }
        List<DatasetRtsds.Scene> rtsds = scenes(scenes);
        QaCorpus corpus = new QaCorpus(new QaGenerator(QaVocabulary.fromAssets(), Phrasings.standard(), Phrasings.Set.TRAIN));
        System.out.printf(Locale.ROOT, "QA generation, 1 thread, %d scenes (seed 1, half themed) x 18 families, median wall time and mean thread CPU time of %d warm runs%n",
                scenes, runs);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (QaKind kind : QaKind.values()) {
            for (int i = 0; i < 3; i++) {
                make(corpus, rtsds, kind); // warm-up
            }
            double[] wall = new double[runs];
            long cpu0 = cpu.getCurrentThreadCpuTime();
            int items = 0;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                items = make(corpus, rtsds, kind);
                wall[i] = (System.nanoTime() - t0) / 1e6;
            }
            double cpuMs = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e6 / runs;
            java.util.Arrays.sort(wall);
            double ms = wall[runs / 2];
            System.out.printf(Locale.ROOT, "  %-4s %6d items: wall %8.1f ms = %8.0f items/s; thread CPU %8.1f ms = %8.0f items per CPU-second%n",
                    kind.id(), items, ms, items / (ms / 1000), cpuMs, items / (cpuMs / 1000));
        }
        return 0;
    }

    /** Makes the corpus once, serialising every item; returns the item count. */
    private static int make(QaCorpus corpus, List<DatasetRtsds.Scene> rtsds, QaKind kind) {
        long[] chars = new long[1];
        int n = corpus.make(rtsds, List.of(Family.values()), kind, 1, q -> chars[0] += QaJson.line(q).length())
                .values().stream().mapToInt(Integer::intValue).sum();
        return chars[0] > 0 ? n : 0;
    }

    /** RTSDs of random scenes built without rendering (QA reads only what the scene fixes). */
    private static List<DatasetRtsds.Scene> scenes(int n) throws IOException {
        ClipLibrary library = ClipLibraries.standard();
        RandomSceneGenerator generator = new RandomSceneGenerator(library, 4.0, Themes.fromAssets(), 0.5);
        RtsdBuilder builder = new RtsdBuilder(new ClipLoader(library, java.nio.file.Path.of(".")));
        ObjectMapper mapper = new ObjectMapper();
        List<DatasetRtsds.Scene> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            JsonNode rtsd = mapper.readTree(RtsdJson.line(UnrenderedTruth.of(builder, 1, i, generator.draw(1, i))));
            out.add(new DatasetRtsds.Scene(rtsd, "clip.wav"));
        }
        return out;
    }
}
