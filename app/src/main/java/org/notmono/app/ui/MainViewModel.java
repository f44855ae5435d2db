package org.notmono.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import javafx.application.Platform;

import org.notmono.app.Main;
import org.notmono.app.settings.AppSettings;
import org.notmono.app.settings.NotMonoHome;
import org.notmono.app.settings.SettingsStore;
import org.notmono.audio.AudioStats;
import org.notmono.fx.document.DocumentEditor;
import org.notmono.fx.task.TaskService;
import org.notmono.model.chat.ui.ChatViewModel;
import org.notmono.model.encoder.Encoder;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.training.monitor.ui.TrainingViewModel;
import org.notmono.training.monitor.NotMonoCli;
import org.notmono.training.monitor.RunStatus;
import org.notmono.viewer.session.ViewerDocument;
import org.notmono.viewer.ui.ViewerViewModel;

/**
 * The state of the main window: current workspace, theme, status line, recent files and the
 * last opened documents; opening files runs as background tasks. Persists what the user
 * would expect to find again after a restart.
 */
public final class MainViewModel {
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());

    private final TaskService tasks;
    private final SettingsStore store;
    private final AppSettings settings;
    private final ObjectProperty<Workspace> workspace = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Ready. Drop a .wav or .scene.json file here, or use File > Open.");
    private final ObservableList<String> recentFiles = FXCollections.observableArrayList();
    private final ObjectProperty<AudioStats> openedAudio = new SimpleObjectProperty<>();
    private DocumentEditor sceneEditor;
    private ChatViewModel chat;
    private final ViewerViewModel viewer;
    private TrainingViewModel training;

    public MainViewModel(TaskService tasks, SettingsStore store) {
        this.tasks = tasks;
        this.store = store;
        this.settings = store.load();
        this.viewer = new ViewerViewModel(tasks, store.file().resolveSibling("viewer.properties"));
        Workspace w = Workspace.fromId(settings.workspace);
        workspace.set(w == null ? Workspace.SCENE : w);
        theme.set(Theme.fromId(settings.theme));
        recentFiles.setAll(settings.recentFiles);
        workspace.addListener((o, a, b) -> settings.workspace = b.id());
        theme.addListener((o, a, b) -> {
            settings.theme = b.id();
            persist();
        });
    }

    public TaskService tasks() {
        return tasks;
    }

    public AppSettings settings() {
        return settings;
    }

    /** The Listen & View workspace. */
    public ViewerViewModel viewer() {
        return viewer;
    }

    /**
     * The Training workspace (made on first use): runs under {@code runs/} in the NotMono home
     * unless the user chose another folder; "Use in Listen & View" loads the encoder like
     * File > Load encoder checkpoint, "Use in Chat" the LALM like File > Load LALM checkpoint.
     */
    public TrainingViewModel training() {
        if (training == null) {
            training = new TrainingViewModel(tasks, NotMonoCli.ofThisJvm(Main.class.getName()),
                    store.file().resolveSibling("training.properties"), NotMonoHome.dir().resolve("runs"), RunStatus.PROCESS_TABLE, TrainingWorkspaces.POLLER, Platform::runLater, checkpoint -> {
                        loadEncoder(checkpoint);
                        workspace.set(Workspace.VIEW);
                    }, lalm -> {
                        chat().loadModel(lalm);
                        workspace.set(Workspace.CHAT);
                    });
        }
        return training;
    }

    public ObjectProperty<Workspace> workspaceProperty() {
        return workspace;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<String> recentFiles() {
        return recentFiles;
    }

    /** The format and levels of the last WAV opened. */
    public ObjectProperty<AudioStats> openedAudioProperty() {
        return openedAudio;
    }

    /** Scene files open in this editor, which reports back through {@link #sceneFileUsed}. */
    public void attachSceneEditor(DocumentEditor editor) {
        this.sceneEditor = editor;
    }

    /** The Chat workspace. */
    public void attachChat(ChatViewModel chat) {
        this.chat = chat;
    }

    /** The Chat workspace, or null before {@link #attachChat}. */
    public ChatViewModel chat() {
        return chat;
    }

    /** The scene editor opened or saved {@code file}: it becomes the most recent file. */
    public void sceneFileUsed(Path file) {
        status.set(file.getFileName() + ": in the scene editor");
        remember(file);
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /**
     * Loads the spatial encoder that Listen & View runs on every FOA clip, replacing the one
     * loaded before: the checkpoint folder {@code checkpoint}, or the shipped one when null.
     */
    public void loadEncoder(Path checkpoint) {
        String what = checkpoint == null ? "the shipped encoder" : String.valueOf(checkpoint.getFileName());
        tasks.submit("Load " + what, ctx -> checkpoint == null ? Encoder.shipped().orElse(null) : Encoder.load(checkpoint), encoder -> {
            if (encoder == null) {
                return; // the assets carry no encoder: the DSP localizer stays alone
            }
            SlotPredictor before = viewer.predictorProperty().get();
            viewer.predictorProperty().set(encoder);
            if (before instanceof Encoder old) {
                // not on the FX thread: close() waits for a prediction that holds the old encoder's lock
                tasks.submit("Release the previous encoder", ctx -> {
                    old.close();
                    return old;
                }, released -> { });
            }
            status.set(encoder.name() + " loaded from " + (checkpoint == null ? "the assets" : checkpoint)
                    + ": Listen & View shows its slots");
        });
    }

    /** True for files the app can open (by name). */
    public static boolean canOpen(Path file) {
        return DocumentKind.of(file) != DocumentKind.UNSUPPORTED;
    }

    /** Opens a WAV or scene file in the background; problems land in the task failures. */
    public void open(Path file) {
        String name = String.valueOf(file.getFileName());
        switch (DocumentKind.of(file)) {
            case AUDIO -> tasks.submit("Open " + name, ctx -> new OpenedAudio(AudioStats.scan(file, ctx.slice(0, 0.2)),
                    viewer.load(file).run(ctx.slice(0.2, 1))), opened -> {
                remember(file);
                workspace.set(Workspace.VIEW);
                viewer.show(opened.document());
                openedAudio.set(opened.stats());
                status.set(name + ": " + opened.stats().describe()); // last: watchers see everything done
            });
            case SCENE -> {
                if (sceneEditor == null) {
                    tasks.reportFailure("Open " + name, "no scene editor is loaded to open " + name);
                    return;
                }
                sceneEditor.open(file);
                workspace.set(Workspace.SCENE);
            }
            case UNSUPPORTED -> tasks.reportFailure("Open " + name,
                    name + " is not a file NotMono opens: use a .wav audio file or a .scene.json scene");
        }
    }

    private record OpenedAudio(AudioStats stats, ViewerDocument document) {
    }

    private void remember(Path file) {
        settings.addRecent(file.toAbsolutePath().normalize().toString());
        recentFiles.setAll(settings.recentFiles);
        persist();
    }

    /** Remembers the window's geometry for the next start. */
    public void rememberWindow(double x, double y, double width, double height, boolean maximized) {
        settings.maximized = maximized;
        if (!maximized) {
            settings.windowX = x;
            settings.windowY = y;
            settings.windowWidth = width;
            settings.windowHeight = height;
        }
    }

    /** Writes the settings; a failure is logged, never fatal. */
    public void persist() {
        try {
            store.save(settings);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot save settings to " + store.file(), e);
        }
    }
}
