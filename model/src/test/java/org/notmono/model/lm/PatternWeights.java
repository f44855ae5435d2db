package org.notmono.model.lm;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** The closed-form weights qwen2_reference.py uses: tensor t, element j -> sin(0.37 j + 1.3 t + 0.5). */
final class PatternWeights {
    private PatternWeights() {
    }

    static Map<String, NDArray> of(Qwen2Config config, NDManager manager) {
        Map<String, NDArray> w = new LinkedHashMap<>();
        int t = 0;
        for (Map.Entry<String, Shape> e : Qwen2Layout.expected(config).entrySet()) {
            float[] v = new float[(int) e.getValue().size()];
            for (int j = 0; j < v.length; j++) {
                double wave = Math.sin(0.37 * j + 1.3 * t + 0.5);
                v[j] = (float) (e.getKey().endsWith("norm.weight") ? 1 + 0.1 * wave : 0.3 * wave);
            }
            w.put(e.getKey(), manager.create(v, e.getValue()));
            t++;
        }
        return w;
    }
}
