package org.notmono.training.stage1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.model.encoder.EncoderConfig;
import org.notmono.sim.sources.ClassVocabulary;
import org.notmono.task.TaskContext;

/** The STARSS23 loader on a recording the simulator rendered, written in STARSS23 layout. */
class Starss23DatasetTest {
    @TempDir
    static Path dir;
    static List<ClipWindow> scenes;
    static List<Starss23Labels.Row> written;
    static ClassVocabulary vocabulary;

    @BeforeAll
    static void writeFixture() throws IOException {
        vocabulary = TinyDatasets.vocabulary();
        Path sim = TinyDatasets.build(dir.resolve("sim"), 7, 4);
        scenes = SimDataset.open(sim, TinyDatasets.VOCABULARY).windows();
        written = Starss23Fixture.write(dir.resolve("starss"), "fold9_room1_mix001", scenes, vocabulary);
    }

    @Test
    void theCsvReadsBackRowForRow() throws IOException {
        List<Starss23Labels.Row> read = Starss23Labels.read(dir.resolve("starss/metadata_dev/dev-test-sim/fold9_room1_mix001.csv"));
        assertEquals(written, read);
        assertTrue(read.size() >= 40, "every scene has a source in each of its 10 frames");
    }

    @Test
    void windowsCarryTheScenesSourcesAtStarssPrecision() throws IOException {
        List<ClipWindow> windows = Starss23Dataset.windows(dir.resolve("starss"), vocabulary, TinyDatasets.VOCABULARY, TinyDatasets.SECONDS);
        assertEquals(scenes.size(), windows.size());
        for (int w = 0; w < windows.size(); w++) {
            ClipWindow window = windows.get(w);
            SceneLabels truth = scenes.get(w).labels();
            assertEquals(w * TinyDatasets.SECONDS, window.start(), 1e-9);
            assertTrue(window.labels().real());
            assertEquals(truth.sources().size(), window.labels().sources().size());
            for (int j = 0; j < truth.sources().size(); j++) {
                SourceLabel expected = truth.sources().get(j);
                SourceLabel got = window.labels().sources().get(j);
                assertEquals(Math.round(expected.azimuth()), got.azimuth(), 1e-6);
                assertEquals(Math.round(expected.elevation()), got.elevation(), 1e-6);
                assertEquals(Math.round(expected.distance() * 100) / 100.0, got.distance(), 1e-9);
                String starss = Starss23Labels.CLASSES.get(Starss23Fixture.starssClass(expected.classId(), vocabulary));
                String mapped = vocabulary.forStarss23(starss).stream().findFirst().map(c -> c.id()).orElse(starss);
                assertEquals(mapped, got.classId());
            }
        }
    }

    @Test
    void theDownloadsMicArrayRecordingsAndAnythingNotFoaAreRefusedByName() throws IOException {
        Path download = dir.resolve("download");
        Starss23Fixture.write(download, "fold9_room1_mix001", scenes, vocabulary);
        Path foa = download.resolve("foa_dev/dev-test-sim/fold9_room1_mix001.wav");
        Path mic = Files.createDirectories(download.resolve("mic_dev/dev-test-sim")).resolve("fold9_room1_mix001.wav");
        Files.copy(foa, mic);
        InputException micArray = assertThrows(InputException.class,
                () -> Starss23Dataset.windows(download, vocabulary, TinyDatasets.VOCABULARY, TinyDatasets.SECONDS));
        assertTrue(micArray.getMessage().startsWith(mic + " is a mic-array recording (mic_dev/)"), micArray.getMessage());
        Files.delete(mic);
        Path aside = Files.createDirectories(download.resolve("foa_dev/dev-mic_dev-notes")).resolve("fold9_room1_mix001.wav");
        Files.move(foa, aside);
        assertEquals(1, Starss23Dataset.windows(download, vocabulary, TinyDatasets.VOCABULARY, TinyDatasets.SECONDS).stream()
                .map(ClipWindow::wav).distinct().count(), "a folder whose name only contains mic_dev is not the mic array's");
        Files.move(aside, foa);
        Path twin = Files.createDirectories(download.resolve("foa_dev/dev-test-copy")).resolve("fold9_room1_mix001.wav");
        Files.copy(foa, twin);
        InputException twice = assertThrows(InputException.class,
                () -> Starss23Dataset.windows(download, vocabulary, TinyDatasets.VOCABULARY, TinyDatasets.SECONDS));
        assertTrue(twice.getMessage().contains("two recordings named fold9_room1_mix001.wav"), twice.getMessage());
        Files.delete(twin);
        Wav.write(foa, new AudioClip(Starss23Fixture.RATE, new float[2][Starss23Fixture.RATE]), SampleEncoding.PCM_16);
        InputException stereo = assertThrows(InputException.class,
                () -> Starss23Dataset.windows(download, vocabulary, TinyDatasets.VOCABULARY, TinyDatasets.SECONDS));
        assertEquals(foa + " has 2 channels; STARSS23's FOA recordings (foa_dev/) have 4", stereo.getMessage());
    }

    @Test
    void realWindowsAreResampledToTheEncodersRate() throws IOException {
        List<ClipWindow> windows = Starss23Dataset.windows(dir.resolve("starss"), vocabulary, TinyDatasets.VOCABULARY, TinyDatasets.SECONDS);
        EncoderConfig tiny = EncoderConfig.named("tiny");
        FeatureStore store = FeatureStore.open(dir.resolve("cache"), windows, tiny, TinyDatasets.SECONDS, 2, TaskContext.none());
        assertEquals(windows.size(), store.size());
        assertEquals(tiny.frames(16000), store.features(3).frames());
    }

    @Test
    void phaseTwoMixesSevenToThreeAndOversamplesBusyWindows() throws IOException {
        List<ClipWindow> windows = Starss23Dataset.windows(dir.resolve("starss"), vocabulary, TinyDatasets.VOCABULARY, TinyDatasets.SECONDS);
        ExampleSet sim = new ListedExamples(scenes.subList(0, 4));
        ExampleSet real = new ListedExamples(windows);
        SimRealMix mix = new SimRealMix(sim, real);
        EpochOrder order = mix.order(0.3, 1);
        int[] picks = new int[real.size()];
        int epochs = 3000;
        for (int e = 0; e < epochs; e++) {
            int[] o = order.order(e);
            assertEquals(4 + 2, o.length, "4 simulated + round(4 * 0.3 / 0.7) real");
            for (int i : o) {
                if (i >= sim.size()) {
                    picks[i - sim.size()]++;
                    assertTrue(mix.labels(i).real());
                }
            }
        }
        double weights = 0;
        for (int i = 0; i < real.size(); i++) {
            weights += SimRealMix.weight(real.labels(i));
        }
        for (int i = 0; i < real.size(); i++) {
            double expected = 2.0 * epochs * SimRealMix.weight(real.labels(i)) / weights;
            assertEquals(expected, picks[i], 0.1 * expected, "window " + i);
        }
    }

    /** Labels only: the mix's order does not read features. */
    private record ListedExamples(List<ClipWindow> windows) implements ExampleSet {
        @Override
        public int size() {
            return windows.size();
        }

        @Override
        public SceneLabels labels(int index) {
            return windows.get(index).labels();
        }

        @Override
        public org.notmono.model.encoder.ClipFeatures features(int index) {
            throw new UnsupportedOperationException("not needed by the order");
        }
    }

    /** "Musical instrument" is piano and violin in this vocabulary: both are accepted labels, in order. */
    @Test
    void aLabelThatSeveralClassesMapToAcceptsThemAll() {
        List<Starss23Labels.Row> rows = new java.util.ArrayList<>();
        int instrument = Starss23Labels.CLASSES.indexOf("Musical instrument");
        for (int f = 0; f < 10; f++) {
            rows.add(new Starss23Labels.Row(f, instrument, 0, 30, 0, 200));
        }
        SceneLabels labels = Starss23Dataset.labels("w", rows, 0, 10, vocabulary, TinyDatasets.VOCABULARY);
        SourceLabel source = labels.sources().getFirst();
        assertEquals(List.of("piano", "violin"), source.acceptedClasses());
        assertEquals(List.of(TinyDatasets.VOCABULARY.indexOf("piano"), TinyDatasets.VOCABULARY.indexOf("violin")),
                source.acceptedIndices());
        assertEquals(java.util.Set.of("piano", "violin"), source.truth().acceptedClasses());
        assertTrue(source.truth().accepts("violin"));
    }
}
