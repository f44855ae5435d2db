package org.notmono.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.hrtf.SofaReader;
import org.notmono.viewer.analysis.ColourMap;
import org.notmono.viewer.listen.ListeningCache;
import org.notmono.viewer.analysis.DirectionEstimator;
import org.notmono.viewer.analysis.DirectionMap;
import org.notmono.viewer.analysis.FrequencyBand;
import org.notmono.viewer.analysis.SteeredResponse;
import org.notmono.viewer.session.ViewerDocument;
import org.notmono.viewer.session.SpectrogramSettings;

/** The view model without a window: tasks run on the calling thread. */
class ViewerViewModelTest {
    @TempDir
    Path dir;

    private final TaskService tasks = new TaskService(Runnable::run, Runnable::run);

    private Path wav(int channels, double seconds) throws Exception {
        float[][] x = new float[channels][(int) (seconds * 16000)];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < x[c].length; i++) {
                x[c][i] = (float) (0.1 * Math.sin(i * 0.05 * (c + 1)));
            }
        }
        Path file = dir.resolve(channels + "ch.wav");
        Wav.write(file, new AudioClip(16000, x), SampleEncoding.PCM_16);
        return file;
    }

    @Test
    void opensAClipZoomsScrollsAndTheViewFollowsTheCursor() throws Exception {
        ViewerViewModel model = new ViewerViewModel(tasks, null);
        model.open(wav(4, 4));
        assertNotNull(model.documentProperty().get());
        assertEquals(4, model.viewEndProperty().get(), 1e-3);
        assertNotNull(model.directionMapProperty().get(), "FOA gets a direction map");
        model.zoom(0.25, 2);
        assertEquals(1.5, model.viewStartProperty().get(), 1e-9);
        assertEquals(2.5, model.viewEndProperty().get(), 1e-9);
        model.scroll(10);
        assertEquals(4, model.viewEndProperty().get(), 1e-3, "scrolling stops at the end");
        model.moveCursor(0.2);
        assertTrue(model.viewStartProperty().get() <= 0.2 && model.viewEndProperty().get() >= 0.2, "the view follows");
        model.moveCursor(99);
        assertEquals(4, model.cursorProperty().get(), 1e-3);
    }

    @Test
    void aStereoClipGetsNoDirectionViews() throws Exception {
        ViewerViewModel model = new ViewerViewModel(tasks, null);
        model.open(wav(2, 1));
        assertFalse(model.documentProperty().get().isFoa());
        assertNull(model.directionMapProperty().get());
        assertTrue(model.matches().isEmpty());
        assertTrue(model.statusProperty().get().contains("not FOA"));
    }

    @Test
    void settingsPersistAndAWindowChangeRecomputesTheSpectrogram() throws Exception {
        Path file = dir.resolve("viewer.properties");
        ViewerViewModel model = new ViewerViewModel(tasks, file);
        model.open(wav(1, 1));
        SpectrogramSettings s = model.settingsProperty().get();
        model.settingsProperty().set(new SpectrogramSettings(2048, 50, s.window(), ColourMap.GREY, s.scale(), 70, 6));
        assertEquals(2048, model.documentProperty().get().spectrogram().stft().size());
        SpectrogramSettings again = new ViewerViewModel(tasks, file).settingsProperty().get();
        assertEquals(ColourMap.GREY, again.colours());
        assertEquals(1024, again.stft().hop());
        assertEquals(6, again.gainDb());
        Files.writeString(file, "windowSize=300\n");
        assertEquals(SpectrogramSettings.DEFAULTS, SpectrogramSettings.load(file), "a damaged file gives the defaults");
    }

    @Test
    void holdMaxKeepsTheLoudestDirectionsAsTheCursorMoves() throws Exception {
        // a loud source at 90 degrees left for the first second, then a quiet one in front (SN3D ambiX: W, Y, Z, X)
        float[][] foa = new float[4][2 * 16000];
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        for (int i = 0; i < foa[0].length; i++) {
            boolean first = i < 16000;
            double s = random.nextGaussian() * (first ? 0.3 : 0.05);
            double[] u = org.notmono.sim.scene.Angles.unitVector(first ? 90 : 0, 0);
            double[] gains = {1, u[1], u[2], u[0]};
            for (int c = 0; c < 4; c++) {
                foa[c][i] = (float) (gains[c] * s);
            }
        }
        Path file = dir.resolve("two-halves.wav");
        Wav.write(file, new AudioClip(16000, foa), SampleEncoding.FLOAT_32);
        ViewerViewModel model = new ViewerViewModel(tasks, null);
        model.open(file);
        model.mapAroundCursorProperty().set(true);
        model.moveCursor(0.5);
        model.holdMaxProperty().set(true);
        var f = model.documentProperty().get().intensity();
        DirectionMap early = window(f, 0.5);
        DirectionMap late = window(f, 1.5);
        assertEquals(0, late.peak()[0], 10, "alone, the late window hears the front");
        model.moveCursor(1.5);
        DirectionMap held = model.directionMapProperty().get();
        for (int row = 0; row < held.grid().rows(); row++) {
            for (int column = 0; column < held.grid().columns(); column++) {
                assertEquals(Math.max(early.value(row, column), late.value(row, column)), held.value(row, column), 1e-12,
                        "cell " + row + ", " + column + " holds the larger of the two windows");
            }
        }
        assertEquals(90, held.peak()[0], 10, "the held map still shows the loud source on the left");
    }

    /** The intensity map of the window around {@code t}, as the Listen & View map computes it. */
    private static DirectionMap window(org.notmono.viewer.analysis.IntensityField f, double t) {
        return DirectionEstimator.INTENSITY.map(f, ViewerDocument.MAP_GRID, FrequencyBand.ALL,
                f.frameAt(t - ViewerViewModel.MAP_HALF_WINDOW), f.frameAt(t + ViewerViewModel.MAP_HALF_WINDOW));
    }

    @Test
    void theEstimatorAndBandChoicesReplaceTheMap() throws Exception {
        ViewerViewModel model = new ViewerViewModel(tasks, null);
        model.open(wav(4, 1));
        DirectionMap histogram = model.directionMapProperty().get();
        model.holdMaxProperty().set(true);
        model.mapEstimatorProperty().set(DirectionEstimator.STEERED_RESPONSE);
        DirectionMap srp = model.directionMapProperty().get();
        var f = model.documentProperty().get().intensity();
        DirectionMap expected = SteeredResponse.map(f, ViewerDocument.MAP_GRID, FrequencyBand.ALL, 0, f.frames() - 1);
        assertEquals(expected.max(), srp.max(), 1e-9 * expected.max(), "not held with the histogram");
        assertNotEquals(histogram.max(), srp.max());
        model.mapBandProperty().set(FrequencyBand.HIGH);
        expected = SteeredResponse.map(f, ViewerDocument.MAP_GRID, FrequencyBand.HIGH, 0, f.frames() - 1);
        assertEquals(expected.max(), model.directionMapProperty().get().max(), 1e-9 * expected.max());
    }

    @Test
    void playsFromTheCursorOrSaysWhyNotAndExportsWhatIsHeard() throws Exception {
        ViewerViewModel model = new ViewerViewModel(tasks, null);
        model.open(wav(4, 1));
        model.moveCursor(0.5);
        model.headYawProperty().set(30);
        model.togglePlay();
        if (model.playingProperty().get()) {
            model.followPlayback();
            assertTrue(model.cursorProperty().get() >= 0.5);
            model.applyListening();
            model.togglePlay();
            assertFalse(model.playingProperty().get());
        } else {
            assertTrue(model.statusProperty().get().startsWith("cannot play sound here"), model.statusProperty().get());
            assertEquals(1, tasks.failures().size());
        }
        Path out = dir.resolve("heard.wav");
        model.exportListening(out);
        AudioClip heard = Wav.read(out);
        assertEquals(2, heard.channelCount());
        assertEquals(16000, heard.frames());
    }

    @Test
    void theRoomTabShowsTheChosenSourcesResponse() throws Exception {
        var scene = org.notmono.viewer.analysis.SimulatedScenes.render(11, 2, null, 1.0);
        Path file = dir.resolve("two.wav");
        Wav.write(file, scene.audio(), SampleEncoding.FLOAT_32);
        Path rtsd = org.notmono.sim.scene.RtsdJson.besides(file);
        Files.writeString(rtsd, org.notmono.sim.scene.RtsdJson.pretty(scene.truth()));
        ViewerViewModel model = new ViewerViewModel(tasks, null);
        model.open(file);
        var truth = model.documentProperty().get().truth();
        assertEquals(truth.getFirst().id(), model.roomSourceProperty().get());
        assertEquals(truth.getFirst().id(), model.roomProperty().get().sourceId());
        String second = truth.get(1).id();
        model.roomSourceProperty().set(second);
        var shown = model.roomProperty().get();
        assertEquals(second, shown.sourceId());
        var expected = org.notmono.viewer.analysis.RoomResponse.fromRtsd(org.notmono.sim.scene.ClipTruth.read(rtsd), second);
        for (int c = 0; c < 4; c++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected.rir()[c], shown.rir()[c]);
        }
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(
                org.notmono.viewer.analysis.RoomResponse.fromRtsd(org.notmono.sim.scene.ClipTruth.read(rtsd), truth.getFirst().id()).rir()[0], shown.rir()[0]),
                "another source, another response");
    }

    @Test
    void aBenchmarkClipOpensWithItsLineOfTheBenchmarksRtsdAsGroundTruth() throws Exception {
        var scene = org.notmono.viewer.analysis.SimulatedScenes.render(11, 2, null, 1.0);
        Path beside = dir.resolve("two.wav");
        Wav.write(beside, scene.audio(), SampleEncoding.FLOAT_32);
        Files.writeString(org.notmono.sim.scene.RtsdJson.besides(beside), org.notmono.sim.scene.RtsdJson.pretty(scene.truth()));
        // the benchmark layout: clips/NNNNNNNN.wav, and rtsd.jsonl above it with one line per scene, the clip's by its index
        Path benchmark = Files.createDirectories(dir.resolve("asa-s100000").resolve("clips"));
        Path clip = benchmark.resolve(String.format("%08d.wav", scene.truth().index()));
        Files.copy(beside, clip);
        var other = org.notmono.sim.scene.RtsdJson.toJson(org.notmono.viewer.analysis.SimulatedScenes.render(12, 1, null, 1.0).truth())
                .put("index", scene.truth().index() + 1); // another scene of the benchmark, on the line before
        Files.writeString(benchmark.resolveSibling("rtsd.jsonl"), other + "\n" + org.notmono.sim.scene.RtsdJson.line(scene.truth()) + "\n");
        ViewerViewModel model = new ViewerViewModel(tasks, null);
        model.open(beside);
        var fromFile = model.documentProperty().get();
        model.open(clip);
        var fromLine = model.documentProperty().get();
        assertEquals(clip, fromLine.file());
        assertEquals(2, fromLine.truth().size());
        assertEquals(fromFile.truth(), fromLine.truth());
        assertEquals("asa-s100000/rtsd.jsonl line 2", fromLine.rtsd().origin());
        org.junit.jupiter.api.Assertions.assertArrayEquals(fromFile.room().rir()[0], fromLine.room().rir()[0]);
    }

    @Test
    void playPausePlayAndExportReadTheHrtfOnce() throws Exception {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        ViewerViewModel model = new ViewerViewModel(tasks, null, new ListeningCache(rate -> {
            reads.incrementAndGet();
            return SofaReader.kemar(rate);
        }));
        model.open(wav(4, 1));
        for (int i = 0; i < 3; i++) {
            model.togglePlay();
            model.pause();
        }
        model.exportListening(dir.resolve("heard.wav"));
        assertEquals(1, reads.get());
    }

    @Test
    void theReadoutOfAOneKilohertzToneReadsOneKilohertzAndItsLevel() throws Exception {
        // W: a 1 kHz tone of amplitude 0.5; Y: silence
        float[][] x = new float[2][16000];
        for (int i = 0; i < x[0].length; i++) {
            x[0][i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }
        Path file = dir.resolve("tone.wav");
        Wav.write(file, new AudioClip(16000, x), SampleEncoding.FLOAT_32);
        ViewerViewModel model = new ViewerViewModel(tasks, null);
        for (org.notmono.viewer.analysis.FrequencyScale scale : org.notmono.viewer.analysis.FrequencyScale.values()) {
            model.settingsProperty().set(model.settingsProperty().get().withScale(scale));
            model.open(file);
            double at = scale.fraction(1000, 8000);
            ViewerViewModel.Readout tone = model.readoutAt(0, 0.5, at);
            assertEquals(1000, tone.hz(), 1e-6, scale + ": the height of 1 kHz on the axis reads 1 kHz");
            assertEquals("ch 1", tone.channel());
            ViewerViewModel.Readout beside = model.readoutAt(0, 0.5, scale.fraction(3000, 8000));
            assertTrue(tone.db() > beside.db() + 40, scale + ": the tone stands " + (tone.db() - beside.db()) + " dB above 3 kHz");
            assertTrue(tone.db() > model.readoutAt(1, 0.5, at).db() + 60, "the silent channel reads far lower");
        }
        model.pointAt(0, 0.5, model.settingsProperty().get().scale().fraction(1000, 8000));
        assertTrue(model.readoutProperty().get().startsWith("0.500 s   1 kHz   "), model.readoutProperty().get());
        model.clearReadout();
        assertEquals("", model.readoutProperty().get());
    }

    @Test
    void axisTicksFollowTheChosenScale() {
        java.util.function.Function<java.util.List<org.notmono.viewer.analysis.AxisTicks.Tick>, java.util.List<String>> labels =
                t -> t.stream().map(org.notmono.viewer.analysis.AxisTicks.Tick::label).toList();
        var linear = org.notmono.viewer.analysis.AxisTicks.frequency(org.notmono.viewer.analysis.FrequencyScale.LINEAR, 8000);
        assertEquals(java.util.List.of("0 Hz", "2 kHz", "4 kHz", "6 kHz", "8 kHz"), labels.apply(linear));
        assertEquals(0.25, linear.get(1).fraction(), 1e-12);
        var log = org.notmono.viewer.analysis.AxisTicks.frequency(org.notmono.viewer.analysis.FrequencyScale.LOG, 8000);
        assertEquals(java.util.List.of("20 Hz", "50 Hz", "100 Hz", "200 Hz", "500 Hz", "1 kHz", "2 kHz", "5 kHz"), labels.apply(log));
        for (var t : log) {
            assertEquals(Math.log(t.value() / 20) / Math.log(8000 / 20.0), t.fraction(), 1e-12, t.label() + " sits where the log axis puts it");
        }
        var mel = org.notmono.viewer.analysis.AxisTicks.frequency(org.notmono.viewer.analysis.FrequencyScale.MEL, 8000);
        for (var t : mel) {
            assertEquals(2595 * Math.log10(1 + t.value() / 700) / (2595 * Math.log10(1 + 8000 / 700.0)), t.fraction(), 1e-12, t.label());
        }
        for (int i = 1; i < mel.size(); i++) {
            assertTrue(mel.get(i).fraction() - mel.get(i - 1).fraction() >= 0.07, "mel labels never overlap: " + labels.apply(mel));
        }
        assertEquals(java.util.List.of("0.0 s", "0.5 s", "1.0 s", "1.5 s", "2.0 s", "2.5 s", "3.0 s", "3.5 s", "4.0 s"),
                labels.apply(org.notmono.viewer.analysis.AxisTicks.time(0, 4, 8)));
        assertEquals(java.util.List.of("1.25 s", "1.30 s", "1.35 s"), labels.apply(org.notmono.viewer.analysis.AxisTicks.time(1.23, 1.38, 4)));
        assertEquals(java.util.List.of("0 dB", "-10 dB", "-20 dB", "-30 dB", "-40 dB", "-50 dB", "-60 dB", "-70 dB", "-80 dB"),
                labels.apply(org.notmono.viewer.analysis.AxisTicks.decibels(80)));
    }
}
