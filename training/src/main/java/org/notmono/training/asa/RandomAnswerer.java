package org.notmono.training.asa;

import java.util.SplittableRandom;

import org.notmono.task.TaskContext;

/** Chance: a letter drawn from the seed and the item's id, so a run is repeatable. */
public final class RandomAnswerer implements Answerer {
    private final long seed;

    public RandomAnswerer(long seed) {
        this.seed = seed;
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public String answer(AsaQuestion question, TaskContext task) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ question.item().id().hashCode());
        return String.valueOf((char) ('A' + r.nextInt(4)));
    }
}
