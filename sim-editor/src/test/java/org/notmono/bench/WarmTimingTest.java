package org.notmono.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WarmTimingTest {
    @Test
    void warmUpCallsAreMadeButNotTimed() {
        AtomicInteger calls = new AtomicInteger();
        // the three warm-up calls are slow, the timed ones instant: a median that timed any warm-up call would see 300 ms
        double ms = WarmTiming.medianMillis(3, 3, () -> {
            if (calls.incrementAndGet() <= 3) {
                sleep(300);
            }
            return null;
        });
        assertEquals(6, calls.get());
        assertTrue(ms < 300, "median " + ms + " ms must not include a warm-up call");
    }

    @Test
    void theMedianIgnoresOneSlowCall() {
        AtomicInteger calls = new AtomicInteger();
        double ms = WarmTiming.medianMillis(0, 5, () -> {
            if (calls.incrementAndGet() == 3) {
                sleep(300);
            }
            return null;
        });
        assertTrue(ms < 300, "median " + ms + " ms must not be the slow call");
    }

    @Test
    void atLeastOneTimedRun() {
        assertThrows(IllegalArgumentException.class, () -> WarmTiming.medianMillis(1, 0, () -> null));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
