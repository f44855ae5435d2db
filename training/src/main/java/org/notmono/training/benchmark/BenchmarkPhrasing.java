package org.notmono.training.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

import org.notmono.cli.InputException;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaGenerator;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.qa.SceneFacts;

/**
 * Which wordings a benchmark run puts to the answerer. A benchmark is built with every template
 * (about 8 of 11 items in a family use a training wording, the rest a held-out one);
 * {@link #TRAINING} and {@link #HELD_OUT} word every item with that set only. An item already
 * worded from the set keeps its question; the others are made again by the QA generator from
 * the scene's RTSD, the benchmark's seed, the item's index and the variant that gives the
 * built item, with the set's templates: the scene, options, right letter and reasoning stay
 * exactly as built (checked item by item), only the question's words change.
 */
public enum BenchmarkPhrasing {
    /** The questions as the benchmark holds them. */
    AS_BUILT("as-built", null),
    /** Every question in a training wording (the templates the curriculum trains with). */
    TRAINING("training", Phrasings.Set.TRAIN),
    /** Every question in a held-out wording no training corpus uses. */
    HELD_OUT("held-out", Phrasings.Set.HELD_OUT);

    private final String id;
    private final Phrasings.Set set;

    BenchmarkPhrasing(String id, Phrasings.Set set) {
        this.id = id;
        this.set = set;
    }

    /** The name on the command line and in results.json. */
    public String id() {
        return id;
    }

    /** The phrasing called {@code id} ({@code as-built}, {@code training} or {@code held-out}). */
    public static BenchmarkPhrasing of(String id) {
        for (BenchmarkPhrasing p : values()) {
            if (p.id.equals(id.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new InputException("--phrasings must be as-built, training or held-out, got '" + id + "'");
    }

    /** True when a template id ({@code azimuth/t3}, {@code azimuth/h1}) belongs to this set of wordings. */
    public boolean holds(String templateId) {
        return set == null || (templateId.charAt(templateId.lastIndexOf('/') + 1) == 'h') == (set == Phrasings.Set.HELD_OUT);
    }

    /**
     * The benchmark with every question worded from this set.
     *
     * @throws InputException when an item cannot be made again as built (a benchmark of another generator)
     */
    public Benchmark apply(Benchmark benchmark, QaVocabulary vocabulary) {
        if (set == null) {
            return benchmark;
        }
        String generator = benchmark.manifest().path("generator").asText();
        if (!BenchmarkBuilder.GENERATOR.equals(generator)) {
            throw new InputException(benchmark.root().resolve("benchmark.json") + ": generator '" + generator + "' is not this build's "
                    + BenchmarkBuilder.GENERATOR + ", so its items cannot be worded again; use --phrasings as-built or build it again");
        }
        long seed = benchmark.manifest().path("seed").asLong();
        QaGenerator qa = new QaGenerator(vocabulary, Phrasings.standard(), set);
        List<QaItem> items = new ArrayList<>();
        for (int i = 0; i < benchmark.items().size(); i++) {
            QaItem q = benchmark.items().get(i);
            if (holds(q.phrasing())) {
                items.add(q);
                continue;
            }
            SceneFacts scene = SceneFacts.of(benchmark.rtsds().get(q.scene()));
            long index = i;
            Optional<QaItem> again = IntStream.range(0, QaGenerator.VARIANTS)
                    .mapToObj(v -> qa.generate(scene, q.clip(), q.family(), QaKind.MCQ, seed, index, v))
                    .flatMap(Optional::stream).filter(x -> sameButWords(q, x)).findFirst();
            if (again.isEmpty()) {
                throw new InputException(benchmark.root().resolve("items.jsonl") + ":" + (i + 1) + ": item " + q.id()
                        + " is not what this build's generator makes from its scene, so it cannot be worded again;"
                        + " use --phrasings as-built or build the benchmark again");
            }
            QaItem worded = again.get();
            items.add(new QaItem(q.id(), q.scene(), q.clip(), q.family(), q.kind(), worded.phrasing(), worded.question(), q.options(),
                    q.answer(), q.answerText(), q.think(), q.facts(), q.target(), q.query()));
        }
        return new Benchmark(benchmark.root(), benchmark.manifest(), items, benchmark.rtsds());
    }

    /**
     * The same question up to its words. The reasoning is not compared: it quotes measured values,
     * and the RTSD the benchmark stores is rounded, so a value on a rounding edge reads 1.9 m as
     * built and 2.0 m made again (seen on the seed-100000 benchmark); the built reasoning is kept.
     */
    private static boolean sameButWords(QaItem a, QaItem b) {
        return a.id().equals(b.id()) && a.options().equals(b.options()) && a.answer().equals(b.answer())
                && a.query().equals(b.query()) && a.facts().equals(b.facts());
    }
}
