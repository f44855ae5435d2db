package org.notmono.viewer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.notmono.viewer.analysis.ColourMap;
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
        ViewerViewModel model = new ViewerViewModel(tasks, null);
        model.open(wav(4, 2));
        model.mapAroundCursorProperty().set(true);
        model.holdMaxProperty().set(true);
        double before = model.directionMapProperty().get().max();
        model.moveCursor(1.5);
        assertTrue(model.directionMapProperty().get().max() >= before);
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
}
