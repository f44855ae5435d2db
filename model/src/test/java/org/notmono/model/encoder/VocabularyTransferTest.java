package org.notmono.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class VocabularyTransferTest {
    private static final EncoderConfig TINY = EncoderConfig.named("tiny");
    private static final List<String> OLD = List.of("dog_bark", "shower", "piano", "siren");
    /** "shower" replaced by "laughter" at another place, the others reordered. */
    private static final List<String> NEW = List.of("siren", "dog_bark", "laughter", "piano");

    @Test
    void spatialOutputsAreUnchangedAndClassLogitsFollowTheirClass() {
        try (EncoderModel trained = EncoderModel.create(TINY, OLD, 7, Device.cpu());
             EncoderModel adopted = VocabularyTransfer.adopt(trained, NEW, 8);
             NDManager data = NDManager.newBaseManager()) {
            data.getEngine().setRandomSeed(3);
            FeatureBatch input = new FeatureBatch(data.randomNormal(new Shape(2, 8, 33, 129)), data.randomNormal(new Shape(2, 33, 64)));
            EncoderOutput before = trained.forward(input.map(), input.logMel(), false);
            EncoderOutput after = adopted.forward(input.map(), input.logMel(), false);
            assertEquals(NEW, adopted.classes());
            assertArrayEquals(before.directions().toFloatArray(), after.directions().toFloatArray(), 1e-5f);
            assertArrayEquals(before.distances().toFloatArray(), after.distances().toFloatArray(), 1e-5f);
            assertArrayEquals(before.existenceLogits().toFloatArray(), after.existenceLogits().toFloatArray(), 1e-5f);
            for (int row = 0; row < NEW.size(); row++) {
                int old = OLD.indexOf(NEW.get(row));
                float[] adoptedLogits = logits(after, row);
                if (old >= 0) {
                    assertArrayEquals(logits(before, old), adoptedLogits, 1e-5f, NEW.get(row));
                } else {
                    assertFalse(Arrays.equals(logits(before, OLD.indexOf("shower")), adoptedLogits),
                            "an unseen class starts from fresh weights, not the dropped class's");
                }
            }
            assertEquals(List.of("laughter"), VocabularyTransfer.unseen(trained, NEW));
        }
    }

    private static float[] logits(EncoderOutput out, int classIndex) {
        NDArray logits = out.classLogits();
        return logits.get(new NDIndex("..., {}", classIndex)).toFloatArray();
    }
}
