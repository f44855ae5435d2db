package org.notmono.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.settings.SettingsStore;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.fx.task.TaskService;

/** The main view model without a window: jobs run synchronously on the test thread. */
class MainViewModelTest {
    @TempDir
    Path dir;

    private MainViewModel model(Path settings) {
        return new MainViewModel(new TaskService(Runnable::run, Runnable::run), new SettingsStore(settings));
    }

    private Path wav(String name, int channels, int rate, SampleEncoding encoding) throws IOException {
        float[][] x = new float[channels][rate / 2];
        x[0][10] = 0.5f;
        Path f = dir.resolve(name);
        Wav.write(f, new AudioClip(rate, x), encoding);
        return f;
    }

    @Test
    void openingAWavShowsItsFormatAndSwitchesToTheViewer() throws IOException {
        MainViewModel m = model(dir.resolve("s.json"));
        Path f = wav("foa.wav", 4, 24000, SampleEncoding.PCM_24);
        m.open(f);
        assertEquals("foa.wav: 4 ch, 24000 Hz, 24-bit PCM, 0.500 s, peak -6.0 dBFS", m.statusProperty().get());
        assertEquals(Workspace.VIEW, m.workspaceProperty().get());
        assertEquals(4, m.openedAudioProperty().get().format().channels());
        assertEquals(List.of(f.toAbsolutePath().normalize().toString()), m.recentFiles());
    }

    @Test
    void aBrokenWavIsAFailureNamingTheProblem() throws IOException {
        MainViewModel m = model(dir.resolve("s.json"));
        Path f = dir.resolve("broken.wav");
        Files.writeString(f, "not audio at all");
        m.open(f);
        assertEquals(1, m.tasks().failures().size());
        assertTrue(m.tasks().failures().getFirst().message().contains("not a WAV file"));
        assertTrue(m.recentFiles().isEmpty(), "a file that failed to open is not recent");
        assertNull(m.openedAudioProperty().get());
    }

    @Test
    void unsupportedFilesAreRefusedWithAReason() {
        MainViewModel m = model(dir.resolve("s.json"));
        m.open(dir.resolve("notes.txt"));
        assertTrue(m.tasks().failures().getFirst().message().contains("use a .wav audio file or a .scene.json scene"));
    }

    @Test
    void sceneFilesAreCheckedForTheirFormat() throws IOException {
        MainViewModel m = model(dir.resolve("s.json"));
        Path good = dir.resolve("room.scene.json");
        Files.writeString(good, """
                {"format": "notmono.scene/1", "room": {"size": [6, 5, 3]}, "sources": [{}, {}]}""");
        m.open(good);
        assertEquals("room.scene.json: scene, room 6.0 x 5.0 x 3.0 m, 2 source(s)", m.statusProperty().get());
        Path wrong = dir.resolve("other.scene.json");
        Files.writeString(wrong, "{\"format\": \"something/2\"}");
        m.open(wrong);
        assertTrue(m.tasks().failures().getFirst().message().contains("expected 'notmono.scene/1'"));
    }

    @Test
    void themeWorkspaceRecentFilesAndGeometrySurviveARestart() throws IOException {
        Path settings = dir.resolve("s.json");
        MainViewModel first = model(settings);
        first.toggleTheme();
        first.open(wav("a.wav", 1, 16000, SampleEncoding.PCM_16));
        first.open(wav("b.wav", 2, 16000, SampleEncoding.PCM_16));
        first.workspaceProperty().set(Workspace.TRAINING);
        first.rememberWindow(10, 20, 1000, 700, false);
        first.persist();

        MainViewModel second = model(settings);
        assertEquals(Theme.DARK, second.themeProperty().get());
        assertEquals(Workspace.TRAINING, second.workspaceProperty().get());
        assertEquals(List.of(dir.resolve("b.wav").toString(), dir.resolve("a.wav").toString()), second.recentFiles());
        assertEquals(1000, second.settings().windowWidth);
        assertEquals(20, second.settings().windowY);
    }
}
