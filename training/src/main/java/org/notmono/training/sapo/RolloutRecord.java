package org.notmono.training.sapo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The G rollouts of one prompt at one step, as rollouts.jsonl holds them (DESIGN.md).
 *
 * @param step the optimisation step
 * @param promptId the QA item's id
 * @param family the task family id (e.g. {@code relative_distance})
 * @param question the question with its options
 * @param truth the right letter
 * @param answers the G rollouts
 */
public record RolloutRecord(long step, String promptId, String family, String question, String truth, List<Answer> answers) {
    public RolloutRecord {
        answers = List.copyOf(answers);
    }

    /**
     * One rollout.
     *
     * @param text what the policy wrote
     * @param named the option its answer names (decision record 0004; the accuracy reward's), or null
     * @param parts each reward part's score in [0, 1], by name
     * @param reward the weighted total
     * @param advantage the group-normalised advantage
     */
    public record Answer(String text, Character named, Map<String, Double> parts, double reward, double advantage) {
        public Answer {
            parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts)); // in the reward's order
        }
    }
}
