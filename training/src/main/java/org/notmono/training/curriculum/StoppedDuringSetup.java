package org.notmono.training.curriculum;

import java.util.function.BooleanSupplier;

/**
 * A stop asked for while a stage sets up (reads encoder outputs, tokenizes its examples), before
 * its first step. Setting up a stage on thousands of scenes takes minutes, longer than a
 * SIGTERM may hold the process ({@link org.notmono.training.run.GracefulStop}), so the set-up
 * polls the stop request too and leaves through this exception, which the stage turns into a
 * "stopped" status.
 */
final class StoppedDuringSetup extends RuntimeException {
    private StoppedDuringSetup() {
        super("stopped while setting up", null, false, false);
    }

    /** Throws if a stop was asked for. */
    static void poll(BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new StoppedDuringSetup();
        }
    }
}
