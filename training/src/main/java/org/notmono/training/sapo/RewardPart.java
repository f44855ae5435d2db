package org.notmono.training.sapo;

/** One component of the SAPO reward (TWNM appendix B, eq. 10): a score in [0, 1] of one rollout. */
public interface RewardPart {
    /** The key in metrics ({@code reward/<name>}) and in rollouts.jsonl. */
    String name();

    /** The score of {@code attempt}, in [0, 1]. */
    double score(Attempt attempt);
}
