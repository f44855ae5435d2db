package org.notmono.viewer.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.notmono.fx.task.TaskService;

/**
 * Measures how long the FX thread is ever held while the viewer opens a file: the longest gap
 * between animation pulses from the moment the open starts (in a window already shown and
 * settled) until a second after the view has shown it. Pulses
 * come every ~16.7 ms when the thread is free, so a gap says how long some work held it.
 */
public final class ResponsivenessProbe {
    private ResponsivenessProbe() {
    }

    /**
     * The longest pulse gap and when it ended relative to the document's arrival (negative:
     * while the background job was still loading, so not work of the view's own).
     *
     * @param longestGapMillis  the longest time between two animation pulses (the FX thread's
     *                          work plus the render thread's: what animations feel)
     * @param endedRelativeToDocumentMillis when the longest gap ended, from the document's arrival
     * @param longestEventWaitMillis the longest a task posted to the FX thread waited to run
     *                          (the FX thread's own work: what clicks and keys feel)
     */
    public record Result(double longestGapMillis, double endedRelativeToDocumentMillis, double longestEventWaitMillis) {
    }

    /**
     * Opens {@code wav} {@code opens} times in one viewer window (needs a display, for example
     * under xvfb-run) and returns a result per open: the first pays one-time costs such as the
     * graphics pipeline compiling its shaders, the later ones show the steady state. A last
     * result, for reference, is the longest gap while the window repaints whole (its opacity
     * changed) with nothing new to compute: what one full frame costs this graphics pipeline.
     */
    public static List<Result> measure(Path wav, int width, int height, int opens) throws InterruptedException {
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
        EventLatency latency = new EventLatency();
        AtomicLong shownAt = new AtomicLong();
        AtomicReference<CountDownLatch> shown = new AtomicReference<>(new CountDownLatch(1));
        Stage[] stage = new Stage[1];
        AnimationTimer[] timer = new AnimationTimer[1];
        ViewerViewModel[] model = new ViewerViewModel[1];
        Platform.runLater(() -> {
            model[0] = new ViewerViewModel(TaskService.forApplication(), null);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(new ViewerView(model[0]), width, height));
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
            model[0].documentProperty().addListener((o, a, b) -> {
                shownAt.set(System.nanoTime());
                CountDownLatch latch = shown.get();
                Platform.runLater(latch::countDown);
            });
        });
        // let the new window's first frames (layout, CSS, JIT of the render pipeline) pass, so the
        // probe times the opens and not the window's start-up
        Thread.sleep(3000);
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < opens; i++) {
            CountDownLatch latch = new CountDownLatch(1);
            shown.set(latch);
            Platform.runLater(() -> {
                last.set(0);
                longest.set(0);
                latency.reset();
                model[0].open(wav);
            });
            if (!latch.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the file did not open within 10 minutes");
            }
            Thread.sleep(1000); // the paints after the document arrives
            CountDownLatch read = new CountDownLatch(1);
            Platform.runLater(() -> {
                results.add(new Result(longest.get() / 1e6, (longestAt.get() - shownAt.get()) / 1e6, latency.longestMillis()));
                read.countDown();
            });
            read.await();
        }
        // for reference: the same window repainted whole with nothing new to compute
        Platform.runLater(() -> {
            last.set(0);
            longest.set(0);
            latency.reset();
            stage[0].getScene().getRoot().setOpacity(0.99);
        });
        Thread.sleep(1000);
        CountDownLatch reference = new CountDownLatch(1);
        Platform.runLater(() -> {
            results.add(new Result(longest.get() / 1e6, Double.NaN, latency.longestMillis()));
            reference.countDown();
        });
        reference.await();
        CountDownLatch closed = new CountDownLatch(1);
        Platform.runLater(() -> {
            timer[0].stop();
            stage[0].close();
            closed.countDown();
        });
        closed.await();
        latency.stop();
        return results;
    }

    /** Posts a task to the FX thread every 2 ms from a daemon thread and keeps the longest wait to run. */
    private static final class EventLatency {
        private final AtomicLong longest = new AtomicLong();
        private final Thread poster;

        EventLatency() {
            poster = Thread.ofPlatform().daemon().name("fx-latency-probe").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long posted = System.nanoTime();
                    Platform.runLater(() -> longest.accumulateAndGet(System.nanoTime() - posted, Math::max));
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void reset() {
            longest.set(0);
        }

        double longestMillis() {
            return longest.get() / 1e6;
        }

        void stop() {
            poster.interrupt();
        }
    }
}
