package org.notmono.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.notmono.audio.AudioClip;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.editor.SceneExporter;
import org.notmono.sim.editor.SceneWorkspace;
import org.notmono.sim.sources.AssetLibrary;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.sim.sources.ClipLibrary;
import org.notmono.viewer.listen.Listening;

/**
 * Builds the Scene workspace and wires it to the shell: scene files open in it, files it opens
 * or saves become recent, binaural export decodes with the viewer's KEMAR decoder, and "Listen" hands the render to the Listen & View workspace as a WAV
 * with its RTSD, which the viewer opens with the ground truth.
 */
final class SceneWorkspaces {
    private static final Logger LOG = Logger.getLogger(SceneWorkspaces.class.getName());

    private SceneWorkspaces() {
    }

    /** @param recoveryFile where unsaved scene changes are autosaved; renders for listening go beside it */
    static SceneWorkspace create(MainViewModel model, TaskService tasks, Path recoveryFile) {
        SceneWorkspace scene = new SceneWorkspace(tasks, clipLibrary(), recoveryFile);
        model.attachSceneEditor(scene);
        scene.render().binauralDecoderProperty().set((foa, rate, yaw) ->
                Listening.render(new AudioClip(rate, foa), yaw, Listening.Mode.BINAURAL).channels());
        scene.editor().document().setOnFileUsed(model::sceneFileUsed);
        Path listening = recoveryFile.resolveSibling("renders").resolve("scene-listen.wav");
        scene.render().listenerProperty().set(rendered -> tasks.submit("Prepare listening", ctx -> {
            Files.createDirectories(listening.getParent());
            // with its RTSD beside it, so the viewer shows the ground truth
            SceneExporter.foa(rendered, listening, false);
            return listening;
        }, model::open));
        return scene;
    }

    /** The shipped asset library; the built-in test signals when the assets cannot be read. */
    private static ClipLibrary clipLibrary() {
        try {
            return AssetLibrary.load();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot read the asset library; using the built-in test signals", e);
            return ClipLibraries.standard();
        }
    }
}
