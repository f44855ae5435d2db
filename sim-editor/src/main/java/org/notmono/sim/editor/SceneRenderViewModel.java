package org.notmono.sim.editor;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.notmono.audio.Levels;
import org.notmono.fx.document.DocumentEditor;
import org.notmono.fx.task.TaskHandle;
import org.notmono.fx.task.TaskService;
import org.notmono.fx.task.TaskState;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.Scene;
import org.notmono.task.TaskContext;

/**
 * Rendering the edited scene in the background (only what changed is recomputed), the last
 * render, exports, the RIR of the selected source, and the hand-over to listening.
 */
public final class SceneRenderViewModel {
    public static final DocumentEditor.ExportTarget FOA_AMBIX = new DocumentEditor.ExportTarget("foa-ambix", "FOA WAV (ambiX)...", "wav", false);
    public static final DocumentEditor.ExportTarget FOA_FUMA = new DocumentEditor.ExportTarget("foa-fuma", "FOA WAV (FuMa)...", "wav", false);
    public static final DocumentEditor.ExportTarget BINAURAL = new DocumentEditor.ExportTarget("binaural", "Binaural WAV...", "wav", false);
    public static final DocumentEditor.ExportTarget RTSD = new DocumentEditor.ExportTarget("rtsd", "RTSD JSON...", "rtsd.json", false);
    public static final DocumentEditor.ExportTarget DATASET_ITEM = new DocumentEditor.ExportTarget("dataset-item", "Dataset seed item (folder)...", "", true);
    public static final List<DocumentEditor.ExportTarget> EXPORTS = List.of(FOA_AMBIX, FOA_FUMA, BINAURAL, RTSD, DATASET_ITEM);

    private final SceneEditorViewModel editor;
    private final TaskService tasks;
    private final SceneRenderCache cache;
    private final ReadOnlyObjectWrapper<SceneExporter.Rendered> lastRender = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TaskHandle> running = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Not rendered yet");
    private final ReadOnlyObjectWrapper<RirPreview> rir = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<BinauralDecoder> binauralDecoder = new SimpleObjectProperty<>();
    private final ObjectProperty<Consumer<SceneExporter.Rendered>> listener = new SimpleObjectProperty<>();
    private final ObjectProperty<Consumer<SceneExporter.Rendered>> asker = new SimpleObjectProperty<>();
    private final BooleanBinding stale;
    private final ObjectProperty<Levels.Normalisation> exportLevel = new SimpleObjectProperty<>(Levels.Normalisation.NONE);
    private final ReadOnlyStringWrapper clipping = new ReadOnlyStringWrapper("");

    public SceneRenderViewModel(SceneEditorViewModel editor) {
        this.editor = editor;
        this.tasks = editor.tasks();
        this.cache = new SceneRenderCache(editor.library());
        this.stale = Bindings.createBooleanBinding(
                () -> lastRender.get() == null || !lastRender.get().result().scene().equals(editor.history().scene()),
                lastRender, editor.history().sceneProperty());
        // the selected source's RIR follows the selection and every committed edit (not each drag step)
        editor.selectionProperty().addListener((o, a, b) -> followSelection());
        editor.history().sceneProperty().addListener((o, a, b) -> followSelection());
    }

    private void followSelection() {
        Selection sel = editor.selectionProperty().get();
        if (sel.isSource() && editor.history().scene().sources().stream().anyMatch(s -> s.id().equals(sel.sourceId()))) {
            showRir(sel.sourceId());
        } else {
            rir.set(null);
        }
    }

    /** Renders the current scene; a render already running is cancelled first. */
    public void render() {
        renderThen("Render scene", r -> { });
    }

    /** Renders (reusing what did not change) and hands the result to {@code then} on the UI thread. */
    private void renderThen(String title, Consumer<SceneExporter.Rendered> then) {
        cancel();
        Scene scene = editor.history().scene();
        Path folder = editor.document().folder();
        String id = editor.document().suggestedFileName().replaceFirst("(?i)\\.scene\\.json$", "");
        TaskHandle handle = tasks.submit(title, ctx -> renderNow(scene, folder, id, ctx), r -> {
            lastRender.set(r);
            double peak = Levels.peakDb(r.audio().audio());
            clipping.set(peak > 0 ? "The mix peaks at " + Levels.formatDb(peak) + ": it clips when played or saved as PCM."
                    + " Lower the gains, or export at " + Levels.Normalisation.PEAK + "." : "");
            summary.set(String.format(java.util.Locale.ROOT, "Rendered %.2f s at %d Hz: %d source(s) computed, %d reused",
                    scene.duration(), scene.sampleRate(), r.result().rendered(), r.result().reused()));
            then.accept(r);
        });
        if (handle.stateProperty().get() == TaskState.RUNNING) {
            running.set(handle);
            handle.stateProperty().addListener((o, a, b) -> {
                if (running.get() == handle && b != TaskState.RUNNING) {
                    running.set(null);
                }
            });
        }
    }

    private SceneExporter.Rendered renderNow(Scene scene, Path folder, String id, TaskContext ctx) throws Exception {
        SceneRenderCache.Result result = cache.render(scene, folder, ctx);
        Rtsd rtsd = new RtsdBuilder(new ClipLoader(editor.library(), folder)).build(id, null, null, scene, result.audio());
        return new SceneExporter.Rendered(result, rtsd);
    }

    public void cancel() {
        if (running.get() != null) {
            running.get().cancel();
        }
    }

    /** Exports in the background, rendering first when the scene changed since the last render. */
    public void export(String targetId, Path target) {
        DocumentEditor.ExportTarget t = EXPORTS.stream().filter(e -> e.id().equals(targetId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown export " + targetId));
        BinauralDecoder decoder = binauralDecoder.get();
        if (t == BINAURAL && decoder == null) {
            tasks.reportFailure("Export binaural", "binaural export needs the listening module's decoder, which is not loaded");
            return;
        }
        Levels.Normalisation level = exportLevel.get();
        renderThen("Render for export", r -> tasks.submit("Export " + target.getFileName(), ctx -> {
            switch (t.id()) {
                case "foa-ambix" -> SceneExporter.foa(r, target, false, level);
                case "foa-fuma" -> SceneExporter.foa(r, target, true, level);
                case "binaural" -> SceneExporter.binaural(r, decoder, 0, target, level);
                case "rtsd" -> SceneExporter.rtsd(r, target);
                default -> SceneExporter.datasetItem(r, target);
            }
            return target;
        }, done -> summary.set("Exported " + done)));
    }

    public boolean canExport(String targetId) {
        return !targetId.equals(BINAURAL.id()) || binauralDecoder.get() != null;
    }

    /** Computes the selected source's RIR in the background. */
    public void showRir(String sourceId) {
        Scene scene = editor.history().scene();
        tasks.submit("RIR of " + sourceId, ctx -> RirPreview.of(scene, sourceId), r -> {
            // a late answer for a source no longer selected is dropped
            if (editor.selectionProperty().get().equals(Selection.source(r.sourceId()))) {
                rir.set(r);
            }
        });
    }

    /** Renders when needed and hands the result to the listening workspace. */
    public void listen() {
        handTo(listener.get(), "Render to listen");
    }

    /** Renders when needed and hands the result to the chat, to ask the model about this scene. */
    public void ask() {
        handTo(asker.get(), "Render to ask about");
    }

    private void handTo(Consumer<SceneExporter.Rendered> receiver, String title) {
        if (receiver == null) {
            return;
        }
        if (!stale.get()) {
            receiver.accept(lastRender.get());
        } else {
            renderThen(title, receiver);
        }
    }

    public ReadOnlyObjectProperty<SceneExporter.Rendered> lastRenderProperty() {
        return lastRender.getReadOnlyProperty();
    }

    /** The running render, null when none. */
    public ReadOnlyObjectProperty<TaskHandle> runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** A warning when the last render peaks above 0 dBFS; empty otherwise. */
    public ReadOnlyStringProperty clippingProperty() {
        return clipping.getReadOnlyProperty();
    }

    /** The level of exported FOA and binaural WAVs (the render itself keeps the scene's gains). */
    public ObjectProperty<Levels.Normalisation> exportLevelProperty() {
        return exportLevel;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True when the scene changed since the last render (or nothing was rendered). */
    public BooleanBinding staleProperty() {
        return stale;
    }

    public ReadOnlyObjectProperty<RirPreview> rirProperty() {
        return rir.getReadOnlyProperty();
    }

    /** Set by the app when the listening module is present. */
    public ObjectProperty<BinauralDecoder> binauralDecoderProperty() {
        return binauralDecoder;
    }

    /** Where "Listen" sends a render (the Listen & View workspace); null hides the button. */
    public ObjectProperty<Consumer<SceneExporter.Rendered>> listenerProperty() {
        return listener;
    }

    /** Where "Ask about this scene" sends a render (the Chat workspace); null disables the button. */
    public ObjectProperty<Consumer<SceneExporter.Rendered>> askerProperty() {
        return asker;
    }
}
