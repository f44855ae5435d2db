package org.notmono.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Platform;

import org.notmono.fx.task.TaskService;
import org.notmono.model.chat.session.ChatHistoryStore;
import org.notmono.model.chat.ui.ChatViewModel;
import org.notmono.audio.Levels;
import org.notmono.sim.editor.SceneExporter;
import org.notmono.sim.editor.SceneWorkspace;
import org.notmono.viewer.session.ViewerDocument;

/**
 * Builds the Chat workspace and wires it to the others: the clip open in Listen & View is
 * attached by default, and the Scene workspace's "Ask about this scene" renders the scene
 * (with its RTSD, so answers can be checked) and attaches it. Conversations are kept under the
 * app's home, one file per clip.
 */
final class ChatWorkspaces {
    private ChatWorkspaces() {
    }

    /** @param home the app's settings folder; histories go to its {@code chat/} folder, renders to {@code renders/} */
    static ChatViewModel create(MainViewModel model, SceneWorkspace scene, TaskService tasks, Path home, ChatServices services) {
        ChatViewModel chat = new ChatViewModel(tasks, Platform::runLater, services.loader(), services.questions(),
                new ChatHistoryStore(home.resolve("chat")));
        model.attachChat(chat);
        model.viewer().documentProperty().addListener((o, a, d) -> {
            if (a == null || d == null || a.audio() != d.audio()) { // not for a recomputed spectrogram of the same clip
                attachOpened(chat, d);
            }
        });
        attachOpened(chat, model.viewer().documentProperty().get());
        Path asked = home.resolve("renders").resolve("scene-ask.wav");
        scene.render().askerProperty().set(rendered -> tasks.submit("Prepare the scene for the chat", ctx -> {
            Files.createDirectories(asked.getParent());
            SceneExporter.foa(rendered, asked, false, Levels.Normalisation.NONE); // as rendered, with its RTSD beside it: the ground truth
            return asked;
        }, wav -> {
            chat.attach(wav);
            model.workspaceProperty().set(Workspace.CHAT);
        }));
        return chat;
    }

    private static void attachOpened(ChatViewModel chat, ViewerDocument d) {
        if (d != null) {
            chat.attach(d.file(), d.audio());
        }
    }
}
