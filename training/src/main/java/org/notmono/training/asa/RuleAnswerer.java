package org.notmono.training.asa;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

import org.notmono.task.TaskContext;
import org.notmono.training.qa.AnswerRules;
import org.notmono.training.qa.Perception;

/**
 * Answers by the question's rules applied to what some listener perceives; when the rules cannot
 * tell options apart (the listener lacks what they need) it guesses among the ones left, with a
 * seed, so a class-free listener is at chance exactly where it should be.
 */
abstract class RuleAnswerer implements Answerer {
    private final AnswerRules rules;
    private final long seed;

    RuleAnswerer(AnswerRules rules, long seed) {
        this.rules = rules;
        this.seed = seed;
    }

    /** The scene as this listener perceives it. */
    abstract Perception perceive(AsaQuestion question, TaskContext task) throws IOException;

    @Override
    public String answer(AsaQuestion question, TaskContext task) throws IOException {
        List<Integer> candidates = rules.candidates(question.item().family(), question.item().query(), perceive(question, task));
        int pick = candidates.size() == 1 ? candidates.getFirst()
                : candidates.get(new SplittableRandom(seed ^ question.item().id().hashCode()).nextInt(candidates.size()));
        char letter = (char) ('A' + pick);
        String why = candidates.size() == 1 ? "the rules decide" : "a guess among " + candidates.size() + " options the rules cannot tell apart";
        return "<think>" + why + "</think><answer>" + letter + "</answer>";
    }
}
