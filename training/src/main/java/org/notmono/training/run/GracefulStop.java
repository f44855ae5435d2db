package org.notmono.training.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Turns Ctrl-C or SIGTERM into a stop request: a shutdown hook raises the flag the training
 * loop polls after every step and holds the JVM until the loop says it is done (its checkpoint
 * and status written), for at most two minutes.
 */
public final class GracefulStop implements BooleanSupplier, AutoCloseable {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook = new Thread(this::hold);

    /** Installs the shutdown hook. */
    public GracefulStop() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    private void hold() {
        requested.set(true);
        try {
            done.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets a waiting shutdown proceed, or removes the hook when no stop was asked for. */
    @Override
    public void close() {
        done.countDown();
        if (!requested.get()) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }
}
