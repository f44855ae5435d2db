package org.notmono.fx.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The task service with real worker threads and a UI queue the test drains, like the FX thread would. */
class TaskServiceTest {
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final java.util.concurrent.atomic.AtomicInteger uiPosts = new java.util.concurrent.atomic.AtomicInteger();
    private final TaskService service = new TaskService(workers, r -> {
        uiPosts.incrementAndGet();
        uiQueue.add(r);
    });

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    /** Runs UI updates until the condition holds (10 s at most). */
    private void runUiUntil(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!done.getAsBoolean()) {
            Runnable r = uiQueue.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
        }
    }

    @Test
    void progressAndResultReachTheUi() throws InterruptedException {
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        List<String> results = new ArrayList<>();
        TaskHandle h = service.submit("count", ctx -> {
            ctx.progress(0.5, "half");
            halfway.countDown();
            proceed.await();
            return "done";
        }, results::add);

        assertTrue(service.busy().get());
        halfway.await();
        runUiUntil(() -> h.progressProperty().get() == 0.5);
        assertEquals("half", h.messageProperty().get());
        assertEquals(TaskState.RUNNING, h.stateProperty().get());

        proceed.countDown();
        runUiUntil(() -> h.stateProperty().get() == TaskState.SUCCEEDED);
        assertEquals(List.of("done"), results);
        assertEquals(1.0, h.progressProperty().get());
        assertFalse(service.busy().get());
        assertTrue(service.failures().isEmpty());
    }

    @Test
    void cancelStopsTheJobWithoutAFailure() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        List<Object> results = new ArrayList<>();
        TaskHandle h = service.submit("endless", ctx -> {
            started.countDown();
            while (true) {
                ctx.checkCancelled();
                Thread.sleep(1);
            }
        }, results::add);
        started.await();
        h.cancel();
        runUiUntil(() -> h.stateProperty().get() == TaskState.CANCELLED);
        assertTrue(results.isEmpty(), "no result for a cancelled job");
        assertTrue(service.failures().isEmpty(), "cancelling is not a failure");
        assertTrue(service.running().isEmpty());
    }

    @Test
    void failuresStayUntilDismissed() throws InterruptedException {
        TaskHandle h = service.submit("read clip", ctx -> {
            throw new IOException("clip.wav: truncated");
        }, r -> { });
        runUiUntil(() -> h.stateProperty().get() == TaskState.FAILED);
        assertEquals(1, service.failures().size());
        TaskFailure f = service.failures().getFirst();
        assertEquals("read clip", f.title());
        assertEquals("clip.wav: truncated", f.message());
        assertTrue(f.cause() instanceof IOException);

        service.submit("another", ctx -> 1, r -> { });
        runUiUntil(() -> service.running().isEmpty());
        assertEquals(1, service.failures().size(), "a later success does not clear the failure");
        service.dismiss(f);
        assertTrue(service.failures().isEmpty());
    }

    @Test
    void aFailingSuccessHandlerIsAFailureToo() throws InterruptedException {
        service.submit("load", ctx -> 1, r -> {
            throw new IllegalStateException("view broke");
        });
        runUiUntil(() -> !service.failures().isEmpty());
        assertEquals("view broke", service.failures().getFirst().message());
    }

    @Test
    void burstsOfProgressAreCoalesced() throws InterruptedException {
        TaskHandle h = service.submit("busy", ctx -> {
            for (int i = 1; i <= 10_000; i++) {
                ctx.progress(i / 10_000.0, "step " + i);
            }
            return 0;
        }, r -> { });
        runUiUntil(() -> h.stateProperty().get() == TaskState.SUCCEEDED);
        assertEquals("step 10000", h.messageProperty().get());
        assertTrue(uiPosts.get() < 10_000, "10,000 reports must not become 10,000 UI updates: " + uiPosts.get());
    }
}
