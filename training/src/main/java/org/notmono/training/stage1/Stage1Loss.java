package org.notmono.training.stage1;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.encoder.nn.Ops;

/**
 * The Stage 1 loss (TWNM 4.3). The attractors are ordered as in EEND-EDA: an example with n
 * sources should fill the first n slots and leave the rest empty, so existence is a binary
 * cross-entropy against [1 x n, 0 x (S - n)] (the count loss); the n sources are matched to
 * the first n slots by Hungarian assignment ({@link SlotMatcher}), and direction (1 - cosine),
 * distance (|log ratio|) and class (cross-entropy against the summed probability of the
 * source's accepted classes) are averaged over those pairs; the room
 * terms (|log surface error|, |absorption error|) over simulated examples. Class and room terms are masked on real recordings. Permuting an example's
 * sources does not change the loss.
 */
public final class Stage1Loss {
    /** Added to the log-probability of a class that is not an accepted label (exp of it is 0). */
    private static final float REJECTED = -1e4f;
    private final LossWeights weights;
    private final SlotMatcher matcher;

    public Stage1Loss(LossWeights weights) {
        this.weights = weights;
        this.matcher = new SlotMatcher(weights);
    }

    /** The weighted total (differentiable) and each term's value. */
    public record Terms(NDArray total, Map<String, Float> values) {
    }

    public Terms compute(EncoderOutput out, List<SceneLabels> labels) {
        NDManager m = out.directions().getManager();
        Shape ds = out.directions().getShape();
        int batch = (int) ds.get(0);
        int slots = (int) ds.get(1);
        int classes = (int) out.classLogits().getShape().get(2);
        NDArray logProbs = out.classLogits().logSoftmax(-1);
        float[] dir = out.directions().toFloatArray();
        float[] dist = out.distances().toFloatArray();
        float[] lp = logProbs.toFloatArray();

        float[] pair = new float[batch * slots];
        float[] targetDir = new float[batch * slots * 3];
        float[] targetLogDist = new float[batch * slots];
        float[] classPenalty = new float[batch * slots * classes]; // 0 for an accepted class, -1e4 for the others
        float[] classMask = new float[batch * slots];
        float[] roomMask = new float[batch];
        float[] targetRoom = new float[batch * 2];
        for (int b = 0; b < batch; b++) {
            SceneLabels l = labels.get(b);
            double[][] d = new double[slots][3];
            double[] r = new double[slots];
            double[][] p = new double[slots][classes];
            for (int s = 0; s < slots; s++) {
                int i = b * slots + s;
                for (int k = 0; k < 3; k++) {
                    d[s][k] = dir[3 * i + k];
                }
                r[s] = dist[i];
                for (int c = 0; c < classes; c++) {
                    p[s][c] = lp[i * classes + c];
                }
            }
            // ordered attractors (EEND-EDA): n sources go to the first n slots, in the best pairing among them
            int used = Math.min(slots, l.sources().size());
            int[] slotOf = matcher.match(Arrays.copyOf(d, used), Arrays.copyOf(r, used), Arrays.copyOf(p, used), l);
            for (int j = 0; j < slotOf.length; j++) {
                if (slotOf[j] < 0) {
                    continue; // more sources than slots: the extra ones cannot be predicted
                }
                SourceLabel source = l.sources().get(j);
                int i = b * slots + slotOf[j];
                pair[i] = 1;
                double[] v = source.unitVector();
                for (int k = 0; k < 3; k++) {
                    targetDir[3 * i + k] = (float) v[k];
                }
                targetLogDist[i] = (float) Math.log(source.distance());
                if (!l.real() && !source.acceptedIndices().isEmpty()) {
                    classMask[i] = 1;
                    Arrays.fill(classPenalty, i * classes, (i + 1) * classes, REJECTED);
                    for (int c : source.acceptedIndices()) {
                        classPenalty[i * classes + c] = 0;
                    }
                }
            }
            if (l.hasRoom()) {
                roomMask[b] = 1;
                targetRoom[2 * b] = (float) Math.log(l.surface());
                targetRoom[2 * b + 1] = (float) l.absorption();
            }
        }
        NDArray pairs = m.create(pair, new Shape(batch, slots));
        NDArray cosine = out.directions().mul(m.create(targetDir, ds)).sum(new int[] {-1});
        NDArray direction = maskedMean(Ops.oneMinus(cosine), pairs);
        NDArray logDistance = out.distances().add(Ops.constant(cosine, 1e-3f)).log();
        NDArray distance = maskedMean(logDistance.sub(m.create(targetLogDist, new Shape(batch, slots))).abs(), pairs);
        NDArray picked = logSumExp(logProbs.add(m.create(classPenalty, new Shape(batch, slots, classes))));
        NDArray classLoss = maskedMean(picked.neg(), m.create(classMask, new Shape(batch, slots)));
        NDArray existence = binaryCrossEntropy(out.existenceLogits(), pairs);
        NDArray rooms = m.create(roomMask, new Shape(batch));
        NDArray target = m.create(targetRoom, new Shape(batch, 2));
        NDArray roomError = out.room().sub(target).abs();
        NDArray surface = maskedMean(roomError.get(":, 0"), rooms);
        NDArray absorption = maskedMean(roomError.get(":, 1"), rooms);

        Map<String, Float> values = new LinkedHashMap<>();
        NDArray total = weighted(direction, weights.direction(), "direction", values)
                .add(weighted(distance, weights.distance(), "distance", values))
                .add(weighted(classLoss, weights.classes(), "class", values))
                .add(weighted(existence, weights.existence(), "existence", values))
                .add(weighted(surface, weights.roomSurface(), "roomSurface", values))
                .add(weighted(absorption, weights.roomAbsorption(), "roomAbsorption", values));
        values.put("loss", total.getFloat());
        return new Terms(total, values);
    }

    private static NDArray weighted(NDArray term, double weight, String name, Map<String, Float> values) {
        values.put(name, term.getFloat());
        return Ops.scale(term, (float) weight);
    }

    /** log of the summed probability over the last axis, stably: max + log sum exp(x - max). */
    private static NDArray logSumExp(NDArray x) {
        NDArray max = x.max(new int[] {-1}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {-1}).log().add(max.squeeze(-1));
    }

    /** sum(x * mask) / max(sum(mask), 1). */
    private static NDArray maskedMean(NDArray x, NDArray mask) {
        NDArray count = mask.sum().maximum(Ops.constant(mask, 1f));
        return x.mul(mask).sum().div(count);
    }

    /** Mean binary cross-entropy of logits against 0/1 targets, computed stably. */
    private static NDArray binaryCrossEntropy(NDArray logits, NDArray targets) {
        return Ops.softplus(logits).sub(logits.mul(targets)).mean();
    }
}
