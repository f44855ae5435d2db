package org.notmono.sim.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.room.Point3;
import org.notmono.sim.scene.ClipTruth;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.TestSignalLibrary;
import org.notmono.task.TaskContext;

/** Rendering, re-rendering only what changed, and the exports, with tasks on the calling thread. */
class SceneRenderViewModelTest {
    @TempDir
    static Path dir;

    private final TaskService tasks = new TaskService(Runnable::run, Runnable::run);
    private final TestSignalLibrary library = new TestSignalLibrary();
    private final SceneEditorViewModel editor = new SceneEditorViewModel(tasks, library, new RecoveryStore(dir.resolve("r.json")));
    private final SceneRenderViewModel render = new SceneRenderViewModel(editor);

    private void twoSources() {
        editor.applyRoomPreset(RoomPreset.SMALL);
        editor.addSource(library.clips().get(0));
        editor.addSource(library.clips().get(5));
        editor.beginDrag(Selection.source("s1"));
        editor.dragTo(new Point3(3.5, 2.0, 1.5));
        editor.endDrag();
    }

    @Test
    void onlyChangedSourcesAreRenderedAgainAndTheMixEqualsAFullRender() throws Exception {
        twoSources();
        render.render();
        assertEquals(2, render.lastRenderProperty().get().result().rendered());
        assertFalse(render.staleProperty().get());
        editor.beginDrag(Selection.source("s2"));
        editor.dragTo(new Point3(1.0, 3.0, 1.2));
        editor.endDrag();
        assertTrue(render.staleProperty().get());
        render.render();
        SceneRenderCache.Result second = render.lastRenderProperty().get().result();
        assertEquals(1, second.rendered());
        assertEquals(1, second.reused());
        RenderedScene full = new SceneRenderer(new ClipLoader(library, editor.document().folder())).render(editor.scene(), TaskContext.none());
        for (int c = 0; c < 4; c++) {
            // the same sums in another order: equal up to float rounding
            assertArrayEquals(full.audio()[c], second.audio().audio()[c], 1e-5f, "channel " + c + " equals a full render");
        }
        assertEquals(full.measuredRt60(), second.audio().measuredRt60());
        editor.selectionProperty().set(Selection.ROOM);
        assertTrue(editor.apply(editor.fields().stream().filter(f -> f.id().equals("room.absorption")).findFirst().orElseThrow(), "0.5"));
        render.render();
        assertEquals(2, render.lastRenderProperty().get().result().rendered(), "a room change renders every source again");
    }

    @Test
    void askRendersWhenTheSceneChangedAndHandsTheSameRenderOverWhenNot() {
        twoSources();
        List<SceneExporter.Rendered> asked = new java.util.ArrayList<>();
        render.ask();
        assertTrue(asked.isEmpty(), "without a receiver nothing happens");
        render.askerProperty().set(asked::add);
        render.ask();
        assertEquals(1, asked.size());
        assertEquals(editor.scene(), asked.getFirst().result().scene(), "the render is of the scene as it is");
        assertNotNull(asked.getFirst().rtsd(), "with its ground truth");
        render.ask();
        assertSame(asked.getFirst(), asked.get(1), "an unchanged scene is not rendered again");
    }

    @Test
    void foaExportWritesFourChannelsOfTheScenesLengthAndItsRtsd() throws Exception {
        twoSources();
        Path wav = dir.resolve("mix.wav");
        render.export(SceneRenderViewModel.FOA_AMBIX.id(), wav);
        assertTrue(tasks.failures().isEmpty(), tasks.failures().toString());
        AudioClip clip = Wav.read(wav);
        assertEquals(4, clip.channelCount());
        assertEquals(editor.scene().frames(), clip.frames());
        JsonNode rtsd = new ObjectMapper().readTree(dir.resolve("mix.rtsd.json").toFile());
        List<SceneReadouts.SourceReadout> shown = editor.readoutsProperty().get().sources();
        for (int i = 0; i < 2; i++) {
            JsonNode s = rtsd.path("sources").get(i);
            assertEquals(shown.get(i).id(), s.path("id").asText());
            assertEquals(shown.get(i).azimuth(), s.path("azimuth").asDouble(), 0.01);
            assertEquals(shown.get(i).elevation(), s.path("elevation").asDouble(), 0.01);
            assertEquals(shown.get(i).distance(), s.path("distance").asDouble(), 0.01);
        }
        assertEquals(editor.readoutsProperty().get().rt60Eyring(), rtsd.path("room").path("rt60").path("eyring").asDouble(), 1e-3);

        Path fuma = dir.resolve("fuma.wav");
        render.export(SceneRenderViewModel.FOA_FUMA.id(), fuma);
        AudioClip f = Wav.read(fuma);
        float[][] a = clip.channels();
        int peak = 0;
        for (int i = 0; i < a[0].length; i++) {
            peak = Math.abs(a[0][i]) > Math.abs(a[0][peak]) ? i : peak;
        }
        assertEquals(a[0][peak] / Math.sqrt(2), f.channels()[0][peak], 1e-6, "FuMa W is ambiX W / sqrt 2");
        assertEquals(a[3][peak], f.channels()[1][peak], 0, "FuMa X is ambiX channel 3");
        assertEquals(a[1][peak], f.channels()[2][peak], 0, "FuMa Y is ambiX channel 1");
    }

    @Test
    void rtsdBinauralAndDatasetItemExports() throws Exception {
        twoSources();
        render.export(SceneRenderViewModel.BINAURAL.id(), dir.resolve("ears.wav"));
        assertEquals(1, tasks.failures().size(), "no decoder, no binaural export");
        assertFalse(render.canExport(SceneRenderViewModel.BINAURAL.id()));
        render.binauralDecoderProperty().set((foa, fs, yaw) -> new float[][] {foa[0], foa[1]});
        render.export(SceneRenderViewModel.BINAURAL.id(), dir.resolve("ears.wav"));
        assertEquals(2, Wav.read(dir.resolve("ears.wav")).channelCount());

        render.export(SceneRenderViewModel.RTSD.id(), dir.resolve("truth.rtsd.json"));
        assertEquals("notmono.rtsd/1", new ObjectMapper().readTree(dir.resolve("truth.rtsd.json").toFile()).path("format").asText());

        Path item = dir.resolve("item");
        render.export(SceneRenderViewModel.DATASET_ITEM.id(), item);
        JsonNode manifest = new ObjectMapper().readTree(item.resolve("manifest.json").toFile());
        assertEquals("notmono.dataset/1", manifest.path("format").asText());
        assertEquals(1, manifest.path("counts").path("items").asInt());
        assertEquals(4, Wav.read(item.resolve("shard-00000/00000000.wav")).channelCount());
        assertEquals(1, Files.readAllLines(item.resolve("shard-00000/rtsd.jsonl")).size());
        assertEquals("shard-00000/rtsd.jsonl line 1", ClipTruth.find(item.resolve("shard-00000/00000000.wav")).orElseThrow().origin(),
                "Listen & View and Chat find the item's ground truth");
        render.export(SceneRenderViewModel.DATASET_ITEM.id(), item);
        assertTrue(tasks.failures().getLast().message().contains("not empty"), "an existing item is never overwritten");
    }

    @Test
    void aCancelledRenderLeavesNoResultAndNoFailure() {
        java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
        TaskService deferred = new TaskService(queued::add, Runnable::run);
        SceneEditorViewModel e = new SceneEditorViewModel(deferred, library, new RecoveryStore(dir.resolve("c.json")));
        SceneRenderViewModel r = new SceneRenderViewModel(e);
        e.addSource(library.clips().get(0));
        queued.clear();
        r.render();
        assertNotNull(r.runningProperty().get(), "the render runs");
        r.cancel();
        queued.forEach(Runnable::run);
        assertEquals(null, r.runningProperty().get());
        assertEquals(null, r.lastRenderProperty().get());
        assertTrue(deferred.failures().isEmpty());
        assertTrue(r.staleProperty().get());
    }

    @Test
    void theSelectedSourcesRirArrivesAfterItsDistance() {
        twoSources();
        editor.selectionProperty().set(Selection.source("s1"));
        RirPreview rir = render.rirProperty().get();
        assertEquals("s1", rir.sourceId());
        assertNotNull(rir);
        Scene s = editor.scene();
        double distance = s.sources().getFirst().position().distanceTo(s.receiver().position());
        int expected = (int) Math.round(distance / 343.0 * s.sampleRate() + 40);
        int peak = 0;
        for (int i = 0; i < rir.foa()[0].length; i++) {
            peak = Math.abs(rir.foa()[0][i]) > Math.abs(rir.foa()[0][peak]) ? i : peak;
        }
        assertEquals(expected, peak, 1);
        assertEquals(0.0, rir.decay()[0], 1e-9);
        editor.selectionProperty().set(Selection.RECEIVER);
        assertEquals(null, render.rirProperty().get());
    }
}
