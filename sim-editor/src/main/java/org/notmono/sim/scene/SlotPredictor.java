package org.notmono.sim.scene;

import java.io.IOException;

import org.notmono.audio.AudioClip;
import org.notmono.task.TaskContext;

/**
 * Anything that predicts source slots from an FOA clip: the viewer's DSP localizer or the
 * spatial encoder. Views take predictors through this interface, so they work with either.
 */
public interface SlotPredictor {
    /** How views and reports name this predictor, e.g. "DSP localizer" or "Spatial encoder (tiny)". */
    String name();

    /** Slots for a 4-channel ambiX FOA clip; frame-wise where the predictor supports it. */
    SlotPrediction predict(AudioClip foa, TaskContext task) throws IOException;
}
