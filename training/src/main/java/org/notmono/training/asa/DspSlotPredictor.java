package org.notmono.training.asa;

import org.notmono.audio.AudioClip;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.task.TaskContext;
import org.notmono.viewer.analysis.DspLocalizer;
import org.notmono.viewer.analysis.IntensityField;

/** The viewer's intensity-vector DSP localizer over the whole clip: directions and a count, no classes or distances. */
public final class DspSlotPredictor implements SlotPredictor {
    private final DspLocalizer localizer = new DspLocalizer(DspLocalizer.MAX_COUNT);

    @Override
    public String name() {
        return "DSP localizer";
    }

    @Override
    public SlotPrediction predict(AudioClip foa, TaskContext task) {
        return localizer.localize(IntensityField.compute(foa, task));
    }
}
