package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A training corpus: for every scene, one item of each chosen family the scene can carry, in
 * scene order then family order, as long as the family's answers stay balanced
 * ({@link AnswerBalance}: of the question's variants the one whose answer the family lacks;
 * none when every variant would make an answer dominate). Item k of the corpus uses index k, so
 * letters are balanced.
 */
public final class QaCorpus {
    private final QaGenerator generator;

    public QaCorpus(QaGenerator generator) {
        this.generator = generator;
    }

    /** Makes the items, hands each to {@code sink}, and returns the count per family. */
    public Map<Family, Integer> make(List<DatasetRtsds.Scene> scenes, List<Family> families, QaKind kind, long seed,
                                     Consumer<QaItem> sink) {
        Map<Family, Integer> counts = new EnumMap<>(Family.class);
        families.forEach(f -> counts.put(f, 0));
        AnswerBalance balance = new AnswerBalance();
        long index = 0;
        for (DatasetRtsds.Scene s : scenes) {
            SceneFacts facts = SceneFacts.of(s.rtsd());
            for (Family f : families) {
                long i = index;
                Optional<QaItem> q = balance.choose(v -> generator.generate(facts, s.clip(), f, kind, seed, i, v), QaGenerator.VARIANTS);
                if (q.isPresent()) {
                    sink.accept(q.get());
                    counts.merge(f, 1, Integer::sum);
                    index++;
                }
            }
        }
        return counts;
    }

    /** All items in a list. */
    public List<QaItem> make(List<DatasetRtsds.Scene> scenes, List<Family> families, QaKind kind, long seed) {
        List<QaItem> out = new ArrayList<>();
        make(scenes, families, kind, seed, out::add);
        return out;
    }
}
