package org.notmono.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.beans.binding.BooleanBinding;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

import org.notmono.fx.task.TaskService;
import org.notmono.io.AtomicFile;

/**
 * Renders a window to a PNG once every task has finished (files opened, views filled), for
 * {@code notmono --snapshot}.
 */
final class Snapshotter {
    private Snapshotter() {
    }

    /** Waits until {@code tasks} is idle and the scene has laid out, then writes the PNG and calls {@code done}. */
    static void whenIdle(Scene scene, TaskService tasks, Path png, java.util.function.Consumer<Exception> done) {
        BooleanBinding busy = tasks.busy();
        // the binding listens to the task list weakly: keep it reachable or a long task outlives it
        scene.getProperties().put(Snapshotter.class, busy);
        Runnable shoot = () -> {
            // two pulses of grace so that layouts triggered by the last task settle
            PauseTransition settle = new PauseTransition(Duration.millis(300));
            settle.setOnFinished(e -> done.accept(write(scene, png)));
            settle.play();
        };
        if (!busy.get()) {
            shoot.run();
        } else {
            busy.addListener((o, was, now) -> {
                if (!now) {
                    shoot.run();
                }
            });
        }
    }

    private static Exception write(Scene scene, Path png) {
        try {
            WritableImage image = scene.snapshot(null);
            BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFile.write(png, out -> {
                if (!ImageIO.write(buffered, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
            return null;
        } catch (IOException | RuntimeException e) {
            return e;
        }
    }
}
