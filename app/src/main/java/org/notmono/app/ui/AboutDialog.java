package org.notmono.app.ui;

import java.util.Map;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import org.notmono.app.VersionInfo;
import org.notmono.fx.task.TaskService;
import org.notmono.model.engine.DeviceChoice;
import org.notmono.model.engine.EngineReport;

/**
 * Help > About: versions of NotMono, Java, JavaFX and DJL, the compute device and what the
 * engine runs on (the facts of {@code notmono doctor}). Inspecting the engine loads PyTorch,
 * so it runs as a background task and the rows fill in later.
 */
final class AboutDialog {
    private AboutDialog() {
    }

    /** What the background task finds: the engine's facts and the device line. */
    private record Facts(EngineReport report, String device) {
    }

    static Alert create(Window owner, TaskService tasks) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        grid.setId("about-versions");
        Label device = new Label("detecting...");
        device.setId("about-device");
        String[][] rows = {
            {"NotMono", VersionInfo.notMono()},
            {"Java", VersionInfo.java()},
            {"JavaFX", VersionInfo.javaFx()},
            {"DJL", VersionInfo.djl()},
        };
        int r = 0;
        for (String[] row : rows) {
            grid.addRow(r++, new Label(row[0]), new Label(row[1]));
        }
        grid.addRow(r, new Label("Compute device"), device);
        int first = r + 1;
        tasks.submit("Inspect the compute engine", ctx -> inspect(), facts -> {
            device.setText(facts.device());
            int row = first;
            for (Map.Entry<String, String> fact : facts.report().rows()) {
                if (!fact.getKey().equals("DJL")) { // shown above
                    Label value = new Label(fact.getValue());
                    value.setId("about-" + fact.getKey().toLowerCase());
                    value.setWrapText(true);
                    value.setMaxWidth(560);
                    grid.addRow(row++, new Label(fact.getKey()), value);
                }
            }
            if (grid.getScene() != null && grid.getScene().getWindow() != null) {
                grid.getScene().getWindow().sizeToScene(); // the dialog grows to the new rows
            }
        });

        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About NotMono");
        alert.setHeaderText("NotMono: a research workbench for spatial audio-language models\n"
                + "Free software under the GNU GPL, version 3 or later.");
        alert.getDialogPane().setContent(grid);
        return alert;
    }

    /** The facts and the device NOTMONO_DEVICE picks, e.g. "cpu() via PyTorch 2.7.1 (setting cpu, from the default)". */
    private static Facts inspect() {
        EngineReport report = EngineReport.collect();
        return new Facts(report, report.engine() == null ? "none: the engine did not load"
                : DeviceChoice.check(null).line(report.engine()));
    }
}
