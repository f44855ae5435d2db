package org.notmono.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.notmono.audio.AudioClip;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;

class EncoderPredictTest {
    private static final List<String> CLASSES = List.of("dog_bark", "female_speech", "piano");

    private static AudioClip noise(double seconds, int rate) {
        SplittableRandom random = new SplittableRandom(9);
        float[][] x = new float[4][(int) (seconds * rate)];
        for (float[] channel : x) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] = (float) random.nextGaussian(0, 0.1);
            }
        }
        return new AudioClip(rate, x);
    }

    @Test
    void aShortClipGetsOneSetOfSlots() {
        try (Encoder encoder = new Encoder(EncoderModel.create(EncoderConfig.named("tiny"), CLASSES, 1, Device.cpu()))) {
            SlotPrediction p = encoder.predict(noise(2.0, 16000));
            assertEquals(EncoderConfig.named("tiny").slots(), p.slots().size());
            assertTrue(p.frames().isEmpty());
            assertEquals(p.slots().stream().filter(Slot::exists).count(), p.count());
            for (Slot s : p.slots()) {
                assertTrue(s.distance() > 0);
                assertTrue(CLASSES.contains(s.classId()));
                assertEquals(3, s.classScores().size());
            }
        }
    }

    @Test
    void aLongClipAlsoGetsSlotsEvery100Milliseconds() {
        try (Encoder encoder = new Encoder(EncoderModel.create(EncoderConfig.named("tiny"), CLASSES, 1, Device.cpu()))) {
            SlotPrediction p = encoder.predict(noise(6.5, 24000)); // resampled to 16 kHz
            assertEquals(65, p.frames().size());
            for (int i = 0; i < p.frames().size(); i++) {
                assertEquals(i * 0.1, p.frames().get(i).t(), 1e-9);
                assertEquals(4, p.frames().get(i).slots().size());
            }
            // the first and last frames take the first and last 4-s windows
            assertTrue(!p.frames().getFirst().slots().equals(p.frames().getLast().slots()));
        }
    }
}
