package org.notmono.training.sapo;

import org.notmono.model.lalm.AnswerParts;

/**
 * The reasoning's length against a window (TWNM: 40-400 characters): 1 inside it; below it the
 * share of the minimum reached (n / min); above it falling linearly to 0 at twice the maximum,
 * so verbosity costs more the longer it gets. No reasoning scores 0.
 *
 * @param min fewest characters of reasoning that score 1
 * @param max most characters of reasoning that score 1
 */
public record LengthReward(int min, int max) implements RewardPart {
    public LengthReward {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("length window needs 1 <= min <= max, got " + min + "-" + max);
        }
    }

    @Override
    public String name() {
        return "length";
    }

    @Override
    public double score(Attempt attempt) {
        String think = AnswerParts.of(attempt.text(), true).think();
        int n = think == null ? 0 : think.length();
        if (n < min) {
            return n / (double) min;
        }
        return n <= max ? 1 : Math.max(0, 1 - (n - max) / (double) max);
    }
}
