package org.notmono.training.sapo;

import ai.djl.ndarray.NDArray;
import org.notmono.model.encoder.nn.Ops;

/**
 * The SAPO loss of one group of rollouts (Gao et al. 2025, eq. for J_SAPO, with a KL penalty):
 * <pre>
 * loss = - 1/G sum_i 1/|y_i| sum_t f(r_it) A_i  +  beta 1/G sum_i 1/|y_i| sum_t k3_it
 * r_it = exp(log pi_theta(y_it) - log pi_old(y_it)),  k3_it = exp(d) - d - 1 with d = log pi_ref(y_it) - log pi_theta(y_it)
 * </pre>
 * where f is the {@link SoftGate} and k3 Schulman's unbiased, non-negative estimator of
 * KL(pi_theta || pi_ref). Every token of a rollout carries that rollout's advantage.
 */
public final class SapoObjective {
    private SapoObjective() {
    }

    /**
     * The loss's terms (scalars).
     *
     * @param loss what to minimise
     * @param objective the gated objective J (before the sign flip)
     * @param kl the mean k3 estimate of KL to the reference
     */
    public record Terms(NDArray loss, NDArray objective, NDArray kl) {
    }

    /** log pi(target) [B, T] for logits [B, T, V] and int64 targets [B, T]. */
    public static NDArray tokenLogProbs(NDArray logits, NDArray targets) {
        long b = logits.getShape().get(0);
        long t = logits.getShape().get(1);
        long v = logits.getShape().get(2);
        return logits.reshape(b * t, v).logSoftmax(1).gather(targets.reshape(b * t, 1), 1).reshape(b, t);
    }

    /**
     * @param logp [B, T] the policy's token log-probs (recording gradients)
     * @param oldLogp [B, T] the log-probs of the policy that sampled the rollouts (constants)
     * @param refLogp [B, T] the reference policy's log-probs (constants)
     * @param mask [B, T] 1 on generated tokens
     * @param advantages [B, 1] each rollout's advantage
     * @param beta the KL coefficient
     */
    public static Terms loss(NDArray logp, NDArray oldLogp, NDArray refLogp, NDArray mask, NDArray advantages, SoftGate gate,
                             double beta) {
        NDArray ratio = logp.sub(oldLogp).exp();
        NDArray objective = sequenceMean(gate.objective(ratio, advantages), mask);
        NDArray d = refLogp.sub(logp);
        NDArray kl = sequenceMean(d.exp().sub(d).sub(Ops.constant(d, 1f)), mask);
        NDArray loss = kl.mul(Ops.constant(kl, (float) beta)).sub(objective);
        return new Terms(loss, objective, kl);
    }

    /** 1/G sum_i (1/|y_i|) sum_t x_it over masked tokens. */
    private static NDArray sequenceMean(NDArray x, NDArray mask) {
        NDArray lengths = mask.sum(new int[] {1}).maximum(Ops.constant(mask, 1f));
        return x.mul(mask).sum(new int[] {1}).div(lengths).mean();
    }
}
