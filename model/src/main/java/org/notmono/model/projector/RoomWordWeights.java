package org.notmono.model.projector;

import java.util.List;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import org.notmono.model.encoder.nn.Ops;
import org.notmono.sim.scene.RoomCategory;

/**
 * How much of each room word the scene token carries (decision 0017): the encoder's room estimate
 * (log surface, mean absorption) as soft size and reverberation categories, at
 * {@link RoomCategory}'s boundaries.
 */
public final class RoomWordWeights {
    /**
     * Width of the soft boundary in ln m^2 (10% of the surface) and in absorption: narrow against the
     * categories' widths (1.19 and 0.25), so an estimate inside a category gives that category's words
     * at nearly full weight, and one on a boundary half of each. Not tuned: the encoder's own errors
     * (0.59 and 0.044 on the validation benchmark's clips) are what the decoder learns to doubt.
     */
    private static final double SIZE_SOFTNESS = 0.1;
    private static final double REVERB_SOFTNESS = 0.02;

    private RoomWordWeights() {
    }

    /** The room words in the order of the weights: the sizes (small, medium, large), then the reverberations (wet, moderate, dry). */
    public static List<String> words() {
        return Stream.concat(RoomCategory.SIZES.stream().map(RoomCategory::sizeWords),
                RoomCategory.REVERBS.stream().map(RoomCategory::reverbWords)).toList();
    }

    /**
     * [B, 6] for the encoder's room [B, 2]: the weights of small, medium and large, then of wet,
     * moderate and dry; each three sum to 1.
     */
    public static NDArray of(NDArray room) {
        NDArray size = categories(room.get(":, 0:1"), Math.log(RoomCategory.SMALL_MAX_SURFACE),
                Math.log(RoomCategory.MEDIUM_MAX_SURFACE), SIZE_SOFTNESS);
        NDArray reverb = categories(room.get(":, 1:2"), RoomCategory.WET_BELOW, RoomCategory.MODERATE_BELOW, REVERB_SOFTNESS);
        return size.concat(reverb, 1);
    }

    /**
     * [B, 3] the weights of below {@code low}, between, and above {@code high} for x [B, 1]. The middle
     * one is never negative: sigmoid(a) + sigmoid(b) <= 1 whenever a + b <= 0, and here
     * a + b = (low - high) / softness.
     */
    private static NDArray categories(NDArray x, double low, double high, double softness) {
        NDArray below = Activation.sigmoid(Ops.scale(Ops.constant(x, (float) low).sub(x), (float) (1 / softness)));
        NDArray above = Activation.sigmoid(Ops.scale(x.sub(Ops.constant(x, (float) high)), (float) (1 / softness)));
        NDArray between = Ops.oneMinus(below.add(above));
        return below.concat(between, 1).concat(above, 1);
    }
}
