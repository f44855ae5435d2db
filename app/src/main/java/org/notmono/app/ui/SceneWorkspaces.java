package org.notmono.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.scene.control.Label;

import org.notmono.audio.AudioClip;
import org.notmono.fx.task.TaskService;
import org.notmono.sim.editor.SceneExporter;
import org.notmono.sim.editor.SceneWorkspace;
import org.notmono.sim.sources.AssetLibrary;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.sim.sources.ClipLibrary;
import org.notmono.viewer.analysis.RoomResponse;
import org.notmono.viewer.listen.Listening;
import org.notmono.viewer.ui.RoomView;

/**
 * Builds the Scene workspace and wires it to the shell and the viewer: scene files open in it,
 * files it opens or saves become recent, the selected source's RIR shows in the viewer's room
 * view, binaural export decodes with the viewer's KEMAR decoder, and "Listen" hands the render
 * to Listen & View as a WAV with its RTSD, which the viewer opens with the ground truth.
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
        showRirWithTheViewersRoomView(scene);
        Path listening = recoveryFile.resolveSibling("renders").resolve("scene-listen.wav");
        scene.render().listenerProperty().set(rendered -> tasks.submit("Prepare listening", ctx -> {
            Files.createDirectories(listening.getParent());
            // with its RTSD beside it, so the viewer shows the ground truth
            SceneExporter.foa(rendered, listening, false, org.notmono.audio.Levels.Normalisation.NONE);
            return listening;
        }, model::open));
        return scene;
    }

    /** The selected source's RIR and decay in the viewer's room view (charts with T20/T30 fits and Sabine/Eyring slopes). */
    private static void showRirWithTheViewersRoomView(SceneWorkspace scene) {
        RoomView room = new RoomView();
        Label hint = new Label("Select a source to see its RIR and decay");
        scene.view().setRirPane(hint);
        scene.render().rirProperty().addListener((o, a, r) -> {
            if (r == null) {
                scene.view().setRirPane(hint);
                return;
            }
            room.show(new RoomResponse(r.sourceId(), r.foa(), r.sampleRate(), r.decay(), r.t20(), r.t30(), r.sabine(), r.eyring()));
            room.setPrefHeight(320);
            scene.view().setRirPane(room);
        });
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
