package org.notmono.training.sapo;

import org.notmono.model.lalm.AnswerParts;

/** 1 when a letter A-D stands inside {@code <answer>...</answer>} (DESIGN.md's extraction rule), else 0. */
public final class OptionReward implements RewardPart {
    @Override
    public String name() {
        return "option";
    }

    @Override
    public double score(Attempt attempt) {
        return attempt.text().contains("<answer>") && AnswerParts.of(attempt.text(), true).letter() != null ? 1 : 0;
    }
}
