package org.notmono.training.sapo;

/**
 * 1 when the option the answer names is the right one, else 0: the option the ASA benchmark
 * scores a LALM's answer by (decision record 0004, {@link Attempt#named()}).
 */
public final class AccuracyReward implements RewardPart {
    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public double score(Attempt attempt) {
        return attempt.named() != null && attempt.named() == attempt.truth() ? 1 : 0;
    }
}
