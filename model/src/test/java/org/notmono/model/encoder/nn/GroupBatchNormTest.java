package org.notmono.model.encoder.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

/** The running statistics that inference uses must estimate the data's, not the last batch's. */
class GroupBatchNormTest {

    @Test
    void runningStatisticsConvergeToTheDataMeanAndVariance() {
        try (NDManager manager = NDManager.newBaseManager()) {
            GroupBatchNorm norm = new GroupBatchNorm(2);
            norm.initialize(manager, DataType.FLOAT32, new Shape(4, 4, 16));
            ParameterStore ps = new ParameterStore(manager, false);
            SplittableRandom random = new SplittableRandom(3);
            // batch means alternate between 0 and 4 (data mean 2); inside a batch the spread is 1,
            // so the data variance is 1 + 4 = 5 while any one batch's is 1
            for (int step = 0; step < 400; step++) {
                float mean = step % 2 == 0 ? 0 : 4;
                float[] x = new float[4 * 4 * 16];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (mean + random.nextGaussian());
                }
                try (NDManager sub = manager.newSubManager()) {
                    norm.apply(ps, sub.create(x, new Shape(4, 4, 16)), true);
                }
            }
            float[] runningMean = norm.getParameters().get("runningMean").getArray().toFloatArray();
            float[] runningVar = norm.getParameters().get("runningVar").getArray().toFloatArray();
            for (int g = 0; g < 2; g++) {
                // an exponential average with weight 0.1 on the new batch oscillates within +-0.2 of 2
                assertEquals(2, runningMean[g], 0.3, "running mean of group " + g);
                assertEquals(1, runningVar[g], 0.3, "running variance of group " + g + " (the batches' own variance)");
            }
            // in inference the running statistics normalise: data of mean 2 maps to mean 0
            try (NDManager sub = manager.newSubManager()) {
                NDArray y = norm.apply(ps, sub.full(new Shape(4, 4, 16), 2f), false);
                assertEquals(0, y.mean().getFloat(), 0.3);
            }
        }
    }
}
