package org.notmono.training.asa;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.task.TaskContext;
import org.notmono.training.qa.AnswerRules;
import org.notmono.training.qa.Perception;

/**
 * The oracle's rules on a localizer's predicted slots: with the spatial encoder ({@code slots})
 * the ceiling a language model hearing through that encoder could reach; with the DSP localizer
 * ({@code dsp}) the class-free baseline. Predictions are kept per clip, as several items share one.
 */
public final class SlotAnswerer extends RuleAnswerer {
    private static final int CACHE = 64;
    private final String name;
    private final SlotPredictor predictor;
    private final AutoCloseable owned;
    private final Map<Path, SlotPrediction> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, SlotPrediction> eldest) {
            return size() > CACHE;
        }
    };

    /** @param owned closed with this answerer (the encoder's native memory), or null */
    public SlotAnswerer(String name, SlotPredictor predictor, AutoCloseable owned, AnswerRules rules, long seed) {
        super(rules, seed);
        this.name = name;
        this.predictor = predictor;
        this.owned = owned;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    Perception perceive(AsaQuestion question, TaskContext task) throws IOException {
        SlotPrediction p = cache.get(question.clip());
        if (p == null) {
            p = predictor.predict(question.audio(), task);
            cache.put(question.clip(), p);
        }
        return Perception.slots(p);
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
