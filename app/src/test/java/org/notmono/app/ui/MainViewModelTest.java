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
    void sceneFilesGoToTheSceneEditorAndBecomeRecentOnceItUsesThem() {
        MainViewModel m = model(dir.resolve("s.json"));
        Path scene = dir.resolve("room.scene.json");
        m.open(scene);
        assertTrue(m.tasks().failures().getFirst().message().contains("no scene editor"));
        List<Path> opened = new java.util.ArrayList<>();
        m.attachSceneEditor((org.notmono.fx.document.DocumentEditor) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {org.notmono.fx.document.DocumentEditor.class}, (proxy, method, args) -> {
                    if (method.getName().equals("open")) {
                        opened.add((Path) args[0]);
                    }
                    return null;
                }));
        m.workspaceProperty().set(Workspace.CHAT);
        m.open(scene);
        assertEquals(List.of(scene), opened);
        assertEquals(Workspace.SCENE, m.workspaceProperty().get());
        assertTrue(m.recentFiles().isEmpty(), "recent only once the editor has read it");
        m.sceneFileUsed(scene);
        assertEquals(List.of(scene.toAbsolutePath().normalize().toString()), m.recentFiles());
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

    /**
     * Swapping checkpoints must not close the old encoder on the FX thread: close() waits for a
     * prediction holding the encoder's lock, and the UI froze. Here a thread holds that lock
     * while the swap's UI callback runs; the callback must return, and the old encoder is closed
     * by a background job once the lock is free.
     */
    @Test
    // a deadlock, not a speed limit: the old code blocked here forever (in a monitor wait, which only a
    // separate thread's timeout can fail)
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void swappingEncodersClosesTheOldOneOffTheUiThreadAfterItsPrediction() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path p : List.of(a, b)) {
            try (org.notmono.model.encoder.EncoderModel e = org.notmono.model.encoder.EncoderModel.create(
                    org.notmono.model.encoder.EncoderConfig.named("tiny"), List.of("dog_bark", "piano"), 1, ai.djl.Device.cpu())) {
                org.notmono.model.encoder.EncoderCheckpoint.save(e, p, java.util.Map.of());
            }
        }
        java.util.ArrayDeque<Runnable> background = new java.util.ArrayDeque<>();
        MainViewModel m = new MainViewModel(new TaskService(background::add, Runnable::run), new SettingsStore(dir.resolve("s.json")));
        m.loadEncoder(a);
        background.poll().run();
        org.notmono.model.encoder.Encoder first = (org.notmono.model.encoder.Encoder) m.viewer().predictorProperty().get();

        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread prediction = new Thread(() -> {
            synchronized (first) { // what predict() holds while it runs
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        prediction.start();
        holding.await();
        m.loadEncoder(b);
        background.poll().run(); // loads b; its UI callback swaps the predictor and must not block
        assertTrue(m.viewer().predictorProperty().get() != first, "b replaced a");
        assertTrue(prediction.isAlive(), "the prediction still holds a's lock");
        Runnable close = background.poll();
        assertTrue(close != null, "closing a is a background job");
        release.countDown();
        close.run();
        assertTrue(first.isClosed());
        prediction.join();
        ((org.notmono.model.encoder.Encoder) m.viewer().predictorProperty().get()).close();
    }
}
