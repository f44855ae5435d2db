package org.notmono.training.monitor.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import org.notmono.fx.task.TaskService;
import org.notmono.training.monitor.NotMonoCli;
import org.notmono.training.monitor.RunStatus;

/**
 * Measures how the Training workspace keeps up with many long runs: the time from opening it
 * on a runs folder until every run's curves are drawn, then, while a writer appends steps to
 * every run, the gaps between animation pulses (what a user feels as frame time; ~16.7 ms when
 * the FX thread is free) and the time each chart redraw holds the FX thread. Needs a display.
 */
public final class TrainingUiProbe {
    private TrainingUiProbe() {
    }

    /** Milliseconds; frames are pulse gaps during the live phase, redraws are full chart-grid rebuilds. */
    public record Result(double loadMillis, int metrics, int frames, double medianFrameMillis, double p99FrameMillis,
                         double longestFrameMillis, int redraws, double medianRedrawMillis, double longestRedrawMillis,
                         double fxBusyShare, double longestEventWaitMillis) {
    }

    /**
     * @param runs      runs expected under {@code root}
     * @param steps     steps each already has
     * @param live      appends one step to every run; called every 100 ms for {@code liveSeconds}
     */
    public static Result measure(Path root, int runs, int steps, Runnable live, int liveSeconds, int width, int height)
            throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        Stage[] stage = new Stage[1];
        TrainingViewModel[] model = new TrainingViewModel[1];
        AtomicLong redrawStart = new AtomicLong();
        List<Double> redraws = new ArrayList<>();
        long opened = System.nanoTime();
        Platform.runLater(() -> {
            TaskService tasks = TaskService.forApplication();
            model[0] = new TrainingViewModel(tasks, new NotMonoCli(List.of("java")), null, root, RunStatus.PROCESS_TABLE,
                    r -> Thread.ofPlatform().daemon().start(r), Platform::runLater, p -> { }, p -> { });
            // listeners run in the order added: one before the view's redraw and one after it time the redraw
            model[0].chartVersionProperty().addListener((o, a, b) -> redrawStart.set(System.nanoTime()));
            TrainingView view = new TrainingView(model[0], null);
            model[0].chartVersionProperty().addListener((o, a, b) -> redraws.add((System.nanoTime() - redrawStart.get()) / 1e6));
            stage[0] = new Stage();
            stage[0].setScene(new Scene(view, width, height));
            stage[0].show();
            model[0].startPolling(1000);
        });
        while (!loaded(model[0], runs, steps)) {
            Thread.sleep(20);
        }
        CountDownLatch drawn = new CountDownLatch(1);
        Platform.runLater(drawn::countDown); // after the redraw that the last poll queued
        drawn.await();
        double loadMillis = (System.nanoTime() - opened) / 1e6;

        List<Double> gaps = new ArrayList<>();
        AtomicLong last = new AtomicLong();
        AnimationTimer[] timer = new AnimationTimer[1];
        CountDownLatch timing = new CountDownLatch(1);
        Platform.runLater(() -> {
            redraws.clear();
            timer[0] = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    long previous = last.getAndSet(now);
                    if (previous != 0) {
                        gaps.add((now - previous) / 1e6);
                    }
                }
            };
            timer[0].start();
            timing.countDown();
        });
        timing.await();
        // the FX thread's own share: a task posted every 5 ms waits as long as the thread is busy
        List<Double> waits = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread poster = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long posted = System.nanoTime();
                Platform.runLater(() -> waits.add((System.nanoTime() - posted) / 1e6));
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long liveStart = System.nanoTime();
        for (int i = 0; i < liveSeconds * 10; i++) {
            live.run();
            Thread.sleep(100);
        }
        Thread.sleep(1500);
        poster.interrupt();
        double liveMillis = (System.nanoTime() - liveStart) / 1e6;
        CountDownLatch done = new CountDownLatch(1);
        double[][] out = new double[2][];
        int[] metrics = new int[1];
        Platform.runLater(() -> {
            timer[0].stop();
            out[0] = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out[1] = redraws.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            metrics[0] = model[0].shownMetrics().size();
            model[0].close();
            stage[0].close();
            done.countDown();
        });
        if (!done.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the FX thread did not answer within a minute");
        }
        double[] f = out[0];
        double[] r = out[1];
        double[] w;
        synchronized (waits) {
            w = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        // a busy stretch of T ms makes the tasks posted during it wait up to T; the longest wait per stretch sums to the busy time
        double busy = 0;
        for (int i = 0; i < w.length; i++) {
            busy += w[i] > 5 ? 5 : 0;
        }
        return new Result(loadMillis, metrics[0], f.length, quantile(f, 0.5), quantile(f, 0.99), f.length == 0 ? 0 : f[f.length - 1],
                r.length, quantile(r, 0.5), r.length == 0 ? 0 : r[r.length - 1], Math.min(1, busy / liveMillis),
                w.length == 0 ? 0 : w[w.length - 1]);
    }

    private static boolean loaded(TrainingViewModel model, int runs, int steps) throws InterruptedException {
        if (model == null) {
            return false;
        }
        CountDownLatch asked = new CountDownLatch(1);
        boolean[] yes = new boolean[1];
        Platform.runLater(() -> {
            yes[0] = model.runs().size() == runs && model.runs().stream().allMatch(r -> r.history().size() >= steps);
            asked.countDown();
        });
        asked.await();
        return yes[0];
    }

    private static double quantile(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }
}
