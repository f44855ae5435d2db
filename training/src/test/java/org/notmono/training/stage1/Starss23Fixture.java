package org.notmono.training.stage1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Resampler;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.sim.sources.ClassVocabulary;

/**
 * Writes simulated scenes as one recording in STARSS23 layout: the scenes' FOA audio one after
 * the other at 24 kHz in {@code foa_dev/dev-test-sim/NAME.wav}, and a row per source per 100 ms
 * frame in {@code metadata_dev/dev-test-sim/NAME.csv} with integer angles and centimetres, as
 * STARSS23 stores them.
 */
final class Starss23Fixture {
    static final int RATE = 24000;

    private Starss23Fixture() {
    }

    /** @return the rows written, in file order */
    static List<Starss23Labels.Row> write(Path root, String name, List<ClipWindow> scenes, ClassVocabulary vocabulary) throws IOException {
        List<float[][]> parts = new ArrayList<>();
        List<Starss23Labels.Row> rows = new ArrayList<>();
        int framesPerScene = (int) Math.round(TinyDatasets.SECONDS / Starss23Labels.FRAME_SECONDS);
        for (int s = 0; s < scenes.size(); s++) {
            parts.add(Resampler.resample(Wav.read(scenes.get(s).wav()), RATE).channels());
            List<SourceLabel> sources = scenes.get(s).labels().sources();
            for (int k = 0; k < framesPerScene; k++) {
                for (int j = 0; j < sources.size(); j++) {
                    SourceLabel src = sources.get(j);
                    rows.add(new Starss23Labels.Row(s * framesPerScene + k, starssClass(src.classId(), vocabulary), j,
                            Math.round(src.azimuth()), Math.round(src.elevation()), Math.round(src.distance() * 100)));
                }
            }
        }
        int length = parts.stream().mapToInt(p -> p[0].length).sum();
        float[][] audio = new float[4][length];
        int offset = 0;
        for (float[][] p : parts) {
            for (int c = 0; c < 4; c++) {
                System.arraycopy(p[c], 0, audio[c], offset, p[c].length);
            }
            offset += p[0].length;
        }
        Path foa = Files.createDirectories(root.resolve("foa_dev/dev-test-sim"));
        Path meta = Files.createDirectories(root.resolve("metadata_dev/dev-test-sim"));
        Wav.write(foa.resolve(name + ".wav"), new AudioClip(RATE, audio), SampleEncoding.PCM_16);
        StringBuilder csv = new StringBuilder();
        for (Starss23Labels.Row r : rows) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d%n", r.frame(), r.classIndex(), r.source(),
                    (long) r.azimuth(), (long) r.elevation(), (long) r.distanceCm()));
        }
        Files.writeString(meta.resolve(name + ".csv"), csv);
        return rows;
    }

    /** The STARSS23 class of a vocabulary class; classes without one are written as "Domestic sounds". */
    static int starssClass(String classId, ClassVocabulary vocabulary) {
        String label = vocabulary.find(classId).map(c -> c.starss23()).orElse(null);
        return label == null ? Starss23Labels.CLASSES.indexOf("Domestic sounds") : Starss23Labels.CLASSES.indexOf(label);
    }
}
