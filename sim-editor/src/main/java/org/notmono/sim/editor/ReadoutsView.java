package org.notmono.sim.editor;

import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** Live acoustic readouts: room numbers and each source's direction from the receiver (the RTSD's numbers). */
public final class ReadoutsView extends GridPane {
    private final SceneEditorViewModel model;

    public ReadoutsView(SceneEditorViewModel model) {
        this.model = model;
        setId("scene-readouts");
        setHgap(10);
        setVgap(2);
        getStyleClass().add("readouts");
        model.readoutsProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        SceneReadouts r = model.readoutsProperty().get();
        getChildren().clear();
        int row = 0;
        row = line(row, "volume", "Volume", fmt("%.1f m³", r.volume()));
        row = line(row, "surface", "Surface", fmt("%.1f m²", r.surface()));
        row = line(row, "absorption", "Mean absorption", fmt("%.3f (%s, %s)", r.meanAbsorption(), r.category(), r.reverb()));
        row = line(row, "rt60-sabine", "RT60 Sabine", fmt("%.3f s", r.rt60Sabine()));
        row = line(row, "rt60-eyring", "RT60 Eyring", fmt("%.3f s", r.rt60Eyring()));
        row = line(row, "critical-distance", "Critical distance", fmt("%.2f m", r.criticalDistance()));
        Label header = new Label("Sources from the receiver\n(azimuth counter-clockwise from its front):");
        header.setWrapText(true);
        header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        add(header, 0, row++, 2, 1);
        for (SceneReadouts.SourceReadout s : r.sources()) {
            row = line(row, "source-" + s.id(), s.id(), fmt("az %+.1f°  el %+.1f°  %.2f m", s.azimuth(), s.elevation(), s.distance()));
        }
    }

    private int line(int row, String id, String name, String value) {
        Label v = new Label(value);
        v.setId("readout-" + id);
        add(new Label(name), 0, row);
        add(v, 1, row);
        return row + 1;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
