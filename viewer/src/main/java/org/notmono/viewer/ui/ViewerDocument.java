package org.notmono.viewer.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.task.TaskContext;
import org.notmono.viewer.analysis.DirectionMap;
import org.notmono.viewer.analysis.DspLocalizer;
import org.notmono.viewer.analysis.GroundTruthReader;
import org.notmono.viewer.analysis.IntensityField;
import org.notmono.viewer.analysis.Spectrogram;

/**
 * An opened clip and everything computed from it. A clip that is not 4-channel FOA has no
 * intensity field and no prediction: it gets the views that make sense for it.
 *
 * @param intensity  null unless the clip is FOA
 * @param overview   the whole clip's direction map; null unless the clip is FOA
 * @param prediction the DSP localizer's slots; null unless the clip is FOA
 * @param truth      the sources of {@code X.rtsd.json} beside {@code X.wav}; empty without one
 */
public record ViewerDocument(Path file, AudioClip audio, Spectrogram spectrogram, IntensityField intensity,
                             DirectionMap overview, SlotPrediction prediction, List<TruthSource> truth) {

    public static final int LOCALIZER_SOURCES = 3;

    public boolean isFoa() {
        return intensity != null;
    }

    /** Reads and analyses a WAV file (the job behind "open"). */
    public static ViewerDocument load(Path file, SpectrogramSettings settings, TaskContext task) throws IOException {
        task.progress(0, "reading");
        AudioClip audio = Wav.read(file);
        task.checkCancelled();
        Spectrogram spectrogram = Spectrogram.compute(audio, settings.stft(), task.slice(0.1, 0.6));
        IntensityField intensity = null;
        SlotPrediction prediction = null;
        DirectionMap overview = null;
        if (audio.channelCount() == 4) {
            intensity = IntensityField.compute(audio, task.slice(0.6, 0.9));
            prediction = new DspLocalizer(LOCALIZER_SOURCES).localize(intensity);
            overview = DirectionMap.of(intensity, ViewerViewModel.MAP_GRID);
        }
        Path rtsd = GroundTruthReader.besides(file);
        List<TruthSource> truth = Files.isRegularFile(rtsd) ? GroundTruthReader.read(rtsd) : List.of();
        task.progress(1, "analysed");
        return new ViewerDocument(file, audio, spectrogram, intensity, overview, prediction, truth);
    }

    public ViewerDocument withSpectrogram(Spectrogram s) {
        return new ViewerDocument(file, audio, s, intensity, overview, prediction, truth);
    }
}
