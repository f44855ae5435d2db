package org.notmono.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** WarmTiming on a clock that each call of the job moves forward by a given number of milliseconds. */
class WarmTimingTest {
    private final AtomicLong clock = new AtomicLong();

    /** A job whose n-th call (from 0) takes {@code millis[n]} on {@link #clock}. */
    private Supplier<Object> taking(AtomicInteger calls, long... millis) {
        return () -> clock.addAndGet(millis[calls.getAndIncrement()] * 1_000_000L);
    }

    @Test
    void warmUpCallsAreMadeButNotTimed() {
        AtomicInteger calls = new AtomicInteger();
        double ms = WarmTiming.medianMillis(3, 3, taking(calls, 1000, 1000, 1000, 5, 1, 9), clock::get);
        assertEquals(6, calls.get());
        assertEquals(5.0, ms, 0);
    }

    @Test
    void theMedianIgnoresOneSlowCall() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals(3.0, WarmTiming.medianMillis(0, 5, taking(calls, 2, 3, 300, 4, 1), clock::get), 0);
    }

    @Test
    void anEvenNumberOfRunsTakesTheUpperMiddle() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals(7.0, WarmTiming.medianMillis(0, 4, taking(calls, 7, 2, 9, 3), clock::get), 0);
    }

    @Test
    void atLeastOneTimedRun() {
        assertThrows(IllegalArgumentException.class, () -> WarmTiming.medianMillis(1, 0, () -> null));
    }
}
