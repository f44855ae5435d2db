package org.notmono.training.sapo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SAPO reward: every part's score and their weighted sum (penalties subtract). */
public final class RewardFunction {
    private final List<RewardPart> parts;
    private final Map<String, Double> weights;

    public RewardFunction(RewardWeights weights, int minLength, int maxLength) {
        this.parts = List.of(new FormatReward(), new OptionReward(), new AccuracyReward(), new LengthReward(minLength, maxLength),
                new GroundingReward(), new PromptCopyPenalty(6));
        this.weights = weights.signed();
    }

    /** The scores of one rollout by part name (in {@link RewardWeights#signed()} order) and their total. */
    public Score score(Attempt attempt) {
        Map<String, Double> scores = new LinkedHashMap<>();
        double total = 0;
        for (RewardPart p : parts) {
            double s = p.score(attempt);
            scores.put(p.name(), s);
            total += weights.get(p.name()) * s;
        }
        return new Score(scores, total);
    }

    /** Part names in order. */
    public List<String> partNames() {
        return parts.stream().map(RewardPart::name).toList();
    }

    /**
     * @param parts each part's score in [0, 1]
     * @param total the weighted sum
     */
    public record Score(Map<String, Double> parts, double total) {
    }
}
