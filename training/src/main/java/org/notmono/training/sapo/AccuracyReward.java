package org.notmono.training.sapo;

import org.notmono.model.lalm.AnswerParts;

/** 1 when the extracted letter is the right one, else 0 (the same extraction the ASA benchmark scores with). */
public final class AccuracyReward implements RewardPart {
    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public double score(Attempt attempt) {
        Character letter = AnswerParts.of(attempt.text(), true).letter();
        return letter != null && letter == attempt.truth() ? 1 : 0;
    }
}
