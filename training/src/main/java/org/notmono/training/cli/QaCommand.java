package org.notmono.training.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.notmono.cli.InputException;
import org.notmono.sim.render.RenderOutput;
import org.notmono.training.qa.DatasetRtsds;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaCorpus;
import org.notmono.training.qa.QaGenerator;
import org.notmono.training.qa.QaJson;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.QaVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notmono qa --data DATASET --kind open|cot|mcq [--families ...] -o FILE.jsonl}. */
@Command(name = "qa", mixinStandardHelpOptions = true,
        description = {"Make QA items (notmono.qa/1 JSON lines) from a dataset's RTSDs, one per scene and family where the scene "
                + "answers it unambiguously; prints the count per family.",
            "Kinds: open (open-ended answers, Stage 2), cot (<think>...</think><answer>...</answer>, Stage 3), "
                + "mcq (four options A-D, Stage 4)."})
public class QaCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DATASET", description = "a dataset folder made by 'notmono dataset'")
    Path data;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "open, cot or mcq")
    String kind;

    @Option(names = "--families", split = ",", paramLabel = "F",
            description = "task families, comma-separated (default: all 18): ${COMPLETION-CANDIDATES}")
    List<String> families;

    @Option(names = "--phrasings", defaultValue = "train", paramLabel = "SET",
            description = "question templates: train (default; held-out ones stay out of training), held-out or all")
    String phrasings;

    @Option(names = "--seed", paramLabel = "S", description = "varies templates, distractors and letters (default: the dataset's seed)")
    Long seed;

    @Option(names = "-o", required = true, paramLabel = "FILE.jsonl")
    Path out;

    @Override
    public Integer call() throws IOException {
        QaKind k = parse(() -> QaKind.of(kind), "--kind must be open, cot or mcq, got '" + kind + "'");
        List<Family> chosen = new ArrayList<>();
        for (String f : families == null ? List.<String>of() : families) {
            chosen.add(parse(() -> Family.of(f), "--families: unknown family '" + f + "'; known: " + known()));
        }
        if (chosen.isEmpty()) {
            chosen.addAll(List.of(Family.values()));
        }
        Phrasings.Set set = parse(() -> Phrasings.Set.valueOf(phrasings.toUpperCase(Locale.ROOT).replace('-', '_')),
                "--phrasings must be train, held-out or all, got '" + phrasings + "'");
        RenderOutput.checkWritable(out);
        List<DatasetRtsds.Scene> scenes = DatasetRtsds.read(data);
        long s = seed != null ? seed : DatasetRtsds.seed(data);
        QaCorpus corpus = new QaCorpus(new QaGenerator(QaVocabulary.fromAssets(), Phrasings.standard(), set));
        long t0 = System.nanoTime();
        Map<Family, Integer> counts = writeAtomically(out, w -> corpus.make(scenes, chosen, k, s, q -> {
            try {
                w.write(QaJson.line(q));
                w.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        double seconds = (System.nanoTime() - t0) / 1e9;
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        for (Map.Entry<Family, Integer> e : counts.entrySet()) {
            System.out.printf(Locale.ROOT, "  L%d %-20s %7d%n", e.getKey().level(), e.getKey().id(), e.getValue());
        }
        System.out.printf(Locale.ROOT, "%s: %d %s items from %d scenes in %.2f s%n", out, total, k.id(), scenes.size(), seconds);
        return 0;
    }

    /** Streams the corpus into a temporary file beside {@code out}, renamed when complete; nothing is left on failure. */
    private static <T> T writeAtomically(Path out, java.util.function.Function<Writer, T> write) throws IOException {
        Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            T result = write.apply(w);
            w.close();
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    static String known() {
        return String.join(", ", java.util.Arrays.stream(Family.values()).map(Family::id).toList());
    }

    private static <T> T parse(java.util.function.Supplier<T> parse, String message) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new InputException(message);
        }
    }
}
