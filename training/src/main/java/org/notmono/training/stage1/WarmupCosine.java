package org.notmono.training.stage1;

import ai.djl.training.tracker.Tracker;

/**
 * Learning rate: linear warm-up, then cosine decay to a tenth of the peak at the last step.
 * Counts from {@code firstStep}, so a resumed run continues the schedule where it stopped.
 */
public final class WarmupCosine implements Tracker {
    private final float peak;
    private final int warmup;
    private final long total;
    private final long firstStep;

    public WarmupCosine(float peak, int warmup, long total, long firstStep) {
        this.peak = peak;
        this.warmup = warmup;
        this.total = Math.max(1, total);
        this.firstStep = firstStep;
    }

    /** @param numUpdate 1 for the first update this process makes */
    @Override
    public float getNewValue(int numUpdate) {
        long step = firstStep + numUpdate;
        if (step <= warmup) {
            return peak * step / warmup;
        }
        double progress = Math.min(1, (step - warmup) / (double) Math.max(1, total - warmup));
        return (float) (peak * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress))));
    }
}
