package org.notmono.training.sapo;

import java.util.regex.Pattern;

/** 1 when the text is exactly one {@code <think>...</think>} followed by one {@code <answer>...</answer>}, else 0. */
public final class FormatReward implements RewardPart {
    private static final Pattern SHAPE = Pattern.compile(
            "\\s*<think>((?!</?think>|</?answer>).)*</think>\\s*<answer>((?!</?think>|</?answer>).)*</answer>\\s*", Pattern.DOTALL);

    @Override
    public String name() {
        return "format";
    }

    @Override
    public double score(Attempt attempt) {
        return SHAPE.matcher(attempt.text()).matches() ? 1 : 0;
    }
}
