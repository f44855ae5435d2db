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
        double ms = WarmTiming.medianMillis(3, 7, calls::incrementAndGet);
        assertEquals(10, calls.get());
        assertTrue(ms >= 0);
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
