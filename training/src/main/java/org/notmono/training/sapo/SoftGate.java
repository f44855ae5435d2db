package org.notmono.training.sapo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.nn.Activation;
import org.notmono.model.encoder.nn.Ops;

/**
 * SAPO's soft gate (Gao et al. 2025), in place of PPO's hard clip: a token with importance ratio
 * r = pi_theta / pi_old and advantage A contributes f(r) A with f(r) = (4 / tau) sigmoid(tau (r - 1)),
 * tau = tau_pos when A > 0 and tau_neg otherwise. At r = 1 the gate is 2/tau and its slope
 * f'(r) = 4 sigmoid(tau (r - 1)) (1 - sigmoid(tau (r - 1))) is exactly 1, so an on-policy step is
 * the plain policy gradient; the further r drifts from 1, the smaller the gradient becomes (smoothly,
 * where PPO cuts it to zero).
 *
 * @param tauPositive temperature for positive advantages (TWNM: 1.0)
 * @param tauNegative temperature for zero or negative advantages (TWNM: 1.05; a steeper gate for
 *                    negative tokens, whose gradients spread over the whole vocabulary)
 */
public record SoftGate(double tauPositive, double tauNegative) {
    public SoftGate {
        if (!(tauPositive > 0) || !(tauNegative > 0)) {
            throw new IllegalArgumentException("gate temperatures must be > 0, got " + tauPositive + " and " + tauNegative);
        }
    }

    /** TWNM's gate: tau_pos 1.0, tau_neg 1.05. */
    public static SoftGate twnm() {
        return new SoftGate(1.0, 1.05);
    }

    /** The temperature for a token whose advantage is {@code advantage}. */
    public double tau(double advantage) {
        return advantage > 0 ? tauPositive : tauNegative;
    }

    /** f(r) for a token with advantage {@code advantage}. */
    public double value(double ratio, double advantage) {
        double tau = tau(advantage);
        return 4 / tau * sigmoid(tau * (ratio - 1));
    }

    /** df/dr: how strongly a token at ratio {@code ratio} still moves the policy. */
    public double slope(double ratio, double advantage) {
        double s = sigmoid(tau(advantage) * (ratio - 1));
        return 4 * s * (1 - s);
    }

    /**
     * The gated objective per token, f(r) A, differentiable in {@code ratio}.
     *
     * @param ratio [B, T] importance ratios
     * @param advantage [B, 1] (or [B, T]) advantages
     */
    public NDArray objective(NDArray ratio, NDArray advantage) {
        NDArray zeros = advantage.zerosLike();
        NDArray tau = NDArrays.where(advantage.gt(zeros), zeros.add(Ops.constant(advantage, (float) tauPositive)),
                zeros.add(Ops.constant(advantage, (float) tauNegative)));
        NDArray gate = Activation.sigmoid(ratio.sub(Ops.constant(ratio, 1f)).mul(tau)).mul(Ops.constant(tau, 4f).div(tau));
        return gate.mul(advantage);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
