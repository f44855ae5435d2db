package org.notmono.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.notmono.app.settings.AppSettings;
import org.notmono.app.settings.SettingsStore;
import org.notmono.audio.AudioStats;
import org.notmono.fx.task.TaskService;
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
    private final ObjectProperty<Path> openedScene = new SimpleObjectProperty<>();
    private final ViewerViewModel viewer;

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

    public ObjectProperty<Path> openedSceneProperty() {
        return openedScene;
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
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
            case SCENE -> tasks.submit("Open " + name, ctx -> describeScene(file), summary -> {
                openedScene.set(file);
                status.set(name + ": " + summary);
                remember(file);
                workspace.set(Workspace.SCENE);
            });
            case UNSUPPORTED -> tasks.reportFailure("Open " + name,
                    name + " is not a file NotMono opens: use a .wav audio file or a .scene.json scene");
        }
    }

    private record OpenedAudio(AudioStats stats, ViewerDocument document) {
    }

    /** A one-line summary of a scene file until the scene editor takes it over. */
    private static String describeScene(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file.getFileName() + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        String format = root.path("format").asText("");
        if (!format.equals("notmono.scene/1")) {
            throw new IOException(file.getFileName() + ": format is '" + format + "', expected 'notmono.scene/1'");
        }
        JsonNode size = root.path("room").path("size");
        return String.format(java.util.Locale.ROOT, "scene, room %.1f x %.1f x %.1f m, %d source(s)",
                size.path(0).asDouble(), size.path(1).asDouble(), size.path(2).asDouble(), root.path("sources").size());
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
