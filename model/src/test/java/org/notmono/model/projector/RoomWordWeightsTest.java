package org.notmono.model.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.scene.RoomCategory;

/** The room's soft categories against RoomCategory's rules and the boundaries' halves. */
class RoomWordWeightsTest {

    @Test
    void clearRoomsGetTheirCategoriesWordsAndBoundariesSplitInHalves() {
        // a 4 x 3 x 2.5 m room (small), an 8 x 7 x 3.2 m one (medium), a 20 x 15 x 6 m one (large)
        Shoebox[] boxes = {new Shoebox(4, 3, 2.5), new Shoebox(8, 7, 3.2), new Shoebox(20, 15, 6)};
        double[] absorptions = {0.05, 0.27, 0.7};
        try (NDManager m = NDManager.newBaseManager()) {
            for (Shoebox box : boxes) {
                for (double a : absorptions) {
                    double surface = 2 * (box.lx() * box.ly() + box.lx() * box.lz() + box.ly() * box.lz());
                    float[] w = RoomWordWeights.of(m.create(new float[][] {{(float) Math.log(surface), (float) a}})).toFloatArray();
                    int size = RoomCategory.SIZES.indexOf(RoomCategory.size(box));
                    int reverb = RoomCategory.REVERBS.indexOf(RoomCategory.reverb(a));
                    for (int k = 0; k < 3; k++) {
                        assertEquals(k == size ? 1 : 0, w[k], 0.02, box + " size weight " + k);
                        assertEquals(k == reverb ? 1 : 0, w[3 + k], 0.02, "absorption " + a + " reverberation weight " + k);
                    }
                }
            }
            // on a boundary: half each side (the far category's share is below 1e-3)
            float[] edge = RoomWordWeights.of(m.create(new float[][] {{(float) Math.log(110), 0.4f}})).toFloatArray();
            assertEquals(0.5, edge[0], 1e-3);
            assertEquals(0.5, edge[1], 1e-3);
            assertEquals(0.5, edge[4], 1e-3);
            assertEquals(0.5, edge[5], 1e-3);
        }
    }

    @Test
    void theWordsAreTheDescriptionsWordsInTheWeightsOrder() {
        assertEquals(java.util.List.of("small", "medium-sized", "large", "highly reverberant", "moderately reverberant",
                "dry, absorptive"), RoomWordWeights.words());
    }
}
