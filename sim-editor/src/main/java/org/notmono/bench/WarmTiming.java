package org.notmono.bench;

import java.util.Arrays;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** How every {@code notmono bench} command times a job: warm-up calls first, then the median of timed calls. */
public final class WarmTiming {
    private WarmTiming() {
    }

    /** Median wall time in milliseconds of {@code runs} calls (the upper middle one for an even count), after {@code warmups} untimed ones. */
    public static double medianMillis(int warmups, int runs, Supplier<?> job) {
        return medianMillis(warmups, runs, job, System::nanoTime);
    }

    /** As {@link #medianMillis(int, int, Supplier)}, reading the time in nanoseconds from {@code nanoClock}. */
    static double medianMillis(int warmups, int runs, Supplier<?> job, LongSupplier nanoClock) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, got " + runs);
        }
        for (int i = 0; i < warmups; i++) {
            job.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = nanoClock.getAsLong();
            job.get();
            ms[i] = (nanoClock.getAsLong() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }
}
