package org.notmono.model.encoder.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** The attention block against a naive per-head softmax(q k^T / sqrt(d_head)) v in double precision. */
class MultiHeadAttentionTest {
    private static final int B = 2;
    private static final int LQ = 3;
    private static final int LK = 5;
    private static final int D = 8;
    private static final int H = 2;

    @Test
    void matchesANaiveImplementation() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(7);
            MultiHeadAttention attention = new MultiHeadAttention(D, H);
            attention.initialize(m, DataType.FLOAT32, new Shape(B, LQ, D), new Shape(B, LK, D));
            NDArray queries = m.randomNormal(new Shape(B, LQ, D));
            NDArray memory = m.randomNormal(new Shape(B, LK, D));
            float[] got = attention.apply(new ParameterStore(m, false), queries, memory).toFloatArray();

            List<Block> dense = attention.getChildren().values();
            double[][][] q = project(dense.get(0), queries.toFloatArray(), LQ);
            double[][][] k = project(dense.get(1), memory.toFloatArray(), LK);
            double[][][] v = project(dense.get(2), memory.toFloatArray(), LK);
            int dh = D / H;
            double[][][] merged = new double[B][LQ][D];
            for (int b = 0; b < B; b++) {
                for (int h = 0; h < H; h++) {
                    for (int i = 0; i < LQ; i++) {
                        double[] scores = new double[LK];
                        double max = Double.NEGATIVE_INFINITY;
                        for (int j = 0; j < LK; j++) {
                            for (int e = 0; e < dh; e++) {
                                scores[j] += q[b][i][h * dh + e] * k[b][j][h * dh + e];
                            }
                            scores[j] /= Math.sqrt(dh);
                            max = Math.max(max, scores[j]);
                        }
                        double sum = 0;
                        for (int j = 0; j < LK; j++) {
                            scores[j] = Math.exp(scores[j] - max);
                            sum += scores[j];
                        }
                        for (int j = 0; j < LK; j++) {
                            for (int e = 0; e < dh; e++) {
                                merged[b][i][h * dh + e] += scores[j] / sum * v[b][j][h * dh + e];
                            }
                        }
                    }
                }
            }
            float[] flat = new float[B * LQ * D];
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < LQ; i++) {
                    for (int e = 0; e < D; e++) {
                        flat[(b * LQ + i) * D + e] = (float) merged[b][i][e];
                    }
                }
            }
            double[][][] expected = project(dense.get(3), flat, LQ);
            for (int b = 0; b < B; b++) {
                for (int i = 0; i < LQ; i++) {
                    for (int e = 0; e < D; e++) {
                        assertEquals(expected[b][i][e], got[(b * LQ + i) * D + e], 1e-5, "b " + b + " i " + i + " e " + e);
                    }
                }
            }
        }
    }

    /** x W^T + b of a {@link Dense} in double precision, x as [B][L][D]. */
    private static double[][][] project(Block dense, float[] x, int length) {
        float[] w = dense.getParameters().get("weight").getArray().toFloatArray(); // [out][in]
        float[] bias = dense.getParameters().get("bias").getArray().toFloatArray();
        double[][][] y = new double[B][length][D];
        for (int b = 0; b < B; b++) {
            for (int i = 0; i < length; i++) {
                for (int o = 0; o < D; o++) {
                    double s = bias[o];
                    for (int in = 0; in < D; in++) {
                        s += w[o * D + in] * (double) x[(b * length + i) * D + in];
                    }
                    y[b][i][o] = s;
                }
            }
        }
        return y;
    }
}
