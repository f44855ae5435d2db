package org.notmono.app.ui;

import java.util.Locale;

/** The app's workspaces, one per job, in tab order. */
public enum Workspace {
    SCENE("Scene", "Design shoebox rooms, place sources and the FOA microphone in 3D, render and listen.",
            "The scene editor comes here: 3D room view, top and side views, scene tree, properties, "
                    + "live acoustic readouts, render and listen."),
    VIEW("Listen & View", "Spectrograms, direction maps, the localisation sphere and binaural listening.",
            "The viewer comes here: waveform and spectrogram panes for W, Y, Z, X, intensity-vector direction "
                    + "maps, the sphere with ground truth and predicted slots, and binaural playback."),
    CHAT("Chat", "Ask the spatial audio-language model about the loaded clip.",
            "The chat panel comes here: the clip attached by default, streamed answers with Stop, a think toggle, "
                    + "example questions."),
    TRAINING("Training", "Launch and monitor local training runs for each curriculum stage.",
            "The training monitor comes here: runs of stages 1-4, loss curves with smoothing, step and wall-time "
                    + "axes, resume and stop.");

    private final String title;
    private final String summary;
    private final String comingSoon;

    Workspace(String title, String summary, String comingSoon) {
        this.title = title;
        this.summary = summary;
        this.comingSoon = comingSoon;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public String comingSoon() {
        return comingSoon;
    }

    /** The id used on the command line and in settings: scene, view, chat, training. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses an id; null when unknown. */
    public static Workspace fromId(String id) {
        for (Workspace w : values()) {
            if (w.id().equalsIgnoreCase(id)) {
                return w;
            }
        }
        return null;
    }
}
