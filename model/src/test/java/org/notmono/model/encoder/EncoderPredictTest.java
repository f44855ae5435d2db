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
    void aShortClipGetsClipSlotsAndFrameWiseSlotsToo() {
        try (Encoder encoder = new Encoder(EncoderModel.create(EncoderConfig.named("tiny"), CLASSES, 1, Device.cpu()))) {
            SlotPrediction p = encoder.predict(noise(2.0, 16000));
            assertEquals(EncoderConfig.named("tiny").slots(), p.slots().size());
            assertEquals(20, p.frames().size(), "a frame every 100 ms");
            // the frames from 1.5 s on take the window centred on 2 s: it starts with the clip, as the clip-level window
            assertEquals(p.slots(), p.frames().get(19).slots());
            // the window centred on 0 s is half padding: another view
            assertTrue(!p.frames().getFirst().slots().equals(p.frames().get(19).slots()));
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

    /**
     * Training normalises every window by itself: a window's slots must not depend on how loud
     * the rest of the clip is. Here the second half of a 6-s clip is 20 dB louder; the frames
     * around 2 s take the window 0-4 s, which must give what the first 4 s (plus the margin read
     * past a window's end) give alone.
     */
    @Test
    void eachWindowIsNormalisedByItselfAsInTraining() {
        AudioClip clip = noise(6.0, 16000);
        for (float[] channel : clip.channels()) {
            for (int i = channel.length / 2; i < channel.length; i++) {
                channel[i] *= 10;
            }
        }
        int head = (int) Math.round((Encoder.WINDOW_SECONDS + FeatureExtractor.MARGIN_SECONDS) * 16000);
        float[][] first = new float[4][];
        for (int c = 0; c < 4; c++) {
            first[c] = java.util.Arrays.copyOf(clip.channel(c), head);
        }
        try (Encoder encoder = new Encoder(EncoderModel.create(EncoderConfig.named("tiny"), CLASSES, 1, Device.cpu()))) {
            List<Slot> whole = encoder.predict(clip).slotsAt(2.0);
            List<Slot> alone = encoder.predict(new AudioClip(16000, first)).slotsAt(2.0);
            assertEquals(alone, whole);
        }
    }

    /**
     * A clip longer than the window gets clip-level slots stitched from windows inside it: one slot
     * per source found in at least two windows, the most confident first.
     */
    @Test
    void stitchingKeepsOneSlotPerSourceSeenInTwoWindows() {
        Slot a1 = new Slot(30, 0, 2.0, "dog_bark", null, 0.9);
        Slot a2 = new Slot(20, 0, 2.5, "dog_bark", null, 0.8); // 10 degrees from a1: the same source
        Slot c = new Slot(45, 0, 1.0, "piano", null, 0.95); // 15 degrees from a1 but in a1's window: another source, seen once
        Slot b = new Slot(-120, 10, 3.0, "piano", null, 0.7);
        Slot b2 = new Slot(-125, 12, 3.0, "piano", null, 0.6);
        Slot empty = new Slot(90, 0, 1.0, "piano", null, 0.2);
        List<List<Slot>> windows = List.of(List.of(a1, c, empty), List.of(a2, b), List.of(b2, empty));
        assertEquals(List.of(a1, b), SlotStitching.stitch(windows, 3));
        assertEquals(List.of(a1), SlotStitching.stitch(windows, 1));
        // a clip with one window inside it needs no second sighting
        assertEquals(List.of(c, a1), SlotStitching.stitch(List.of(List.of(a1, c, empty)), 3));
    }
}
