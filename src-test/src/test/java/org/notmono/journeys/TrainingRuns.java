package org.notmono.journeys;

import org.notmono.training.monitor.RunState;
import org.notmono.training.monitor.ui.TrainingViewModel;

/** What the Training journeys share after each test: no child process they launched outlives it. */
final class TrainingRuns {
    private TrainingRuns() {
    }

    /** Kills every launch and every run still running, then closes the workspace's model. */
    static void stopAll(TrainingViewModel model) {
        model.launches().forEach(l -> l.process().destroyForcibly());
        model.runs().forEach(r -> ProcessHandle.of(r.pid()).ifPresent(p -> {
            if (r.stateProperty().get() == RunState.RUNNING) {
                p.destroyForcibly();
            }
        }));
        model.close();
    }
}
