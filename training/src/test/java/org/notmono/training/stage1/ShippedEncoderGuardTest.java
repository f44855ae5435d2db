package org.notmono.training.stage1;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.model.encoder.Encoder;
import org.notmono.sim.scene.metrics.LocalizationMetrics;
import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.task.TaskContext;
import org.notmono.viewer.analysis.DspLocalizer;
import org.notmono.viewer.analysis.IntensityField;

/**
 * A regression guard for what ships: the shipped encoder, through {@link Encoder#predict} as users
 * run it, must localise better than the DSP localizer on six committed held-out scenes (test
 * resources {@code encoder-guard/}, rendered by {@code notmono render}).
 */
class ShippedEncoderGuardTest {
    private static final int SCENES = 6;

    @Test
    void theShippedEncoderBeatsTheDspLocalizerOnCommittedScenes() throws IOException {
        LocalizationMetrics encoderMetrics = new LocalizationMetrics();
        LocalizationMetrics dspMetrics = new LocalizationMetrics();
        DspLocalizer dsp = new DspLocalizer(DspLocalizer.MAX_COUNT);
        try (Encoder encoder = Encoder.shipped().orElseThrow(() -> new AssertionError("the assets carry no encoder"))) {
            for (int i = 0; i < SCENES; i++) {
                String wav = "/encoder-guard/s" + i + ".wav";
                AudioClip clip = Wav.read(ShippedEncoderGuardTest.class.getResourceAsStream(wav), wav);
                List<TruthSource> truth = truth("/encoder-guard/s" + i + ".rtsd.json", encoder.classes());
                encoderMetrics.add(encoder.predict(clip), truth);
                dspMetrics.add(dsp.localize(IntensityField.compute(clip, TaskContext.none())), truth);
            }
        }
        LocalizationMetrics.Summary e = encoderMetrics.summary();
        LocalizationMetrics.Summary d = dspMetrics.summary();
        String numbers = "encoder " + e.asMap() + "\ndsp " + d.asMap();
        // localisation: the encoder's directions are closer and more of its sources are hits (measured at
        // 29.5 vs 49.1 degrees and 0.56 vs 0.38 when written); the count on six scenes is too few to
        // guard (3 vs 4 right here; 77% vs 45% on 100 held-out scenes, docs/encoder.md)
        assertTrue(e.angularErrorDeg() < d.angularErrorDeg(), numbers);
        assertTrue(e.f20ClassAgnostic() > d.f20ClassAgnostic(), numbers);
        // and it names classes, which the DSP localizer cannot
        assertTrue(e.f20() > 0 && d.f20() == 0, numbers);
    }

    private static List<TruthSource> truth(String resource, List<String> vocabulary) throws IOException {
        try (InputStream in = ShippedEncoderGuardTest.class.getResourceAsStream(resource)) {
            JsonNode rtsd = new ObjectMapper().readTree(in);
            return SimDataset.labels(rtsd, vocabulary).truths();
        }
    }
}
