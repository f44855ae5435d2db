package org.notmono.app.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import org.notmono.app.VersionInfo;
import org.notmono.fx.task.TaskService;
import org.notmono.model.engine.ComputeDevices;

/**
 * Help > About: versions of NotMono, Java, JavaFX and DJL, and the compute device. Finding
 * the device loads the PyTorch engine, so it runs as a background task and fills in later.
 */
final class AboutDialog {
    private AboutDialog() {
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
        tasks.submit("Detect compute device", ctx -> ComputeDevices.describeDefault(), device::setText);

        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle("About NotMono");
        alert.setHeaderText("NotMono: a research workbench for spatial audio-language models\n"
                + "Free software under the GNU GPL, version 3 or later.");
        alert.getDialogPane().setContent(grid);
        return alert;
    }
}
