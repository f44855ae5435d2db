package org.notmono.viewer.ui;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.notmono.fx.task.TaskService;

/**
 * Measures how long the FX thread is ever busy while the viewer opens a file: the longest gap
 * between animation pulses from the moment the open starts until the view has shown it. Pulses
 * come every ~16.7 ms when the thread is free, so a gap says how long some work held it.
 */
public final class ResponsivenessProbe {
    private ResponsivenessProbe() {
    }

    /**
     * The longest pulse gap and when it ended relative to the document's arrival (negative:
     * while the background job was still loading, so not work of the view's own).
     */
    public record Result(double longestGapMillis, double endedRelativeToDocumentMillis) {
    }

    /** Opens {@code wav} in a viewer window; needs a display (for example under xvfb-run). */
    public static Result measure(Path wav, int width, int height) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        AtomicLong last = new AtomicLong();
        AtomicLong longest = new AtomicLong();
        AtomicLong longestAt = new AtomicLong();
        AtomicLong shownAt = new AtomicLong();
        CountDownLatch shown = new CountDownLatch(1);
        Stage[] stage = new Stage[1];
        AnimationTimer[] timer = new AnimationTimer[1];
        Platform.runLater(() -> {
            ViewerViewModel model = new ViewerViewModel(TaskService.forApplication(), null);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new ViewerView(model), width, height));
            stage[0].show();
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long previous = last.getAndSet(now);
                    if (previous != 0 && now - previous > longest.get()) {
                        longest.set(now - previous);
                        longestAt.set(now);
                    }
                }
            };
            timer[0].start();
            model.documentProperty().addListener((o, a, b) -> {
                shownAt.set(System.nanoTime());
                Platform.runLater(shown::countDown);
            });
            last.set(0);
            longest.set(0);
            model.open(wav);
        });
        if (!shown.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the file did not open within 10 minutes");
        }
        Thread.sleep(500); // the paints after the document arrives
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            timer[0].stop();
            stage[0].close();
            closed.countDown();
        });
        closed.await();
        return new Result(longest.get() / 1e6, (longestAt.get() - shownAt.get()) / 1e6);
    }
}
