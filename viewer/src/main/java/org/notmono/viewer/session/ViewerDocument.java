package org.notmono.viewer.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.sim.scene.ClipTruth;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.metrics.TruthSource;
import org.notmono.task.TaskContext;
import org.notmono.viewer.analysis.DirectionGrid;
import org.notmono.viewer.analysis.DirectionMap;
import org.notmono.viewer.analysis.DirectionTrack;
import org.notmono.viewer.analysis.DspLocalizer;
import org.notmono.viewer.analysis.GroundTruthReader;
import org.notmono.viewer.analysis.IntensityField;
import org.notmono.viewer.analysis.RoomResponse;
import org.notmono.viewer.analysis.Spectrogram;
import org.notmono.viewer.analysis.WaveformSummary;

/**
 * An opened clip and everything computed from it. A clip that is not 4-channel FOA has no
 * intensity field and no predictions: it gets the views that make sense for it.
 *
 * @param intensity  null unless the clip is FOA
 * @param track      the dominant direction per analysis frame; null unless the clip is FOA
 * @param overview   the whole clip's direction map; null unless the clip is FOA
 * @param predictions slot predictions by predictor name, in the order they were made: first the DSP
 *                    localizer's ({@value #DSP_LOCALIZER}; frame by frame for clips up to
 *                    {@value #FRAMEWISE_SECONDS} s); empty unless the clip is FOA
 * @param truth      the sources of the clip's RTSD ({@link ClipTruth}: {@code X.rtsd.json} beside {@code X.wav}, or its line
 *                   in a dataset's or benchmark's {@code rtsd.jsonl}); empty without one
 * @param tracks     paths of the moving sources by id; empty without
 * @param room       the room's response to the first source, from the RTSD; null without one
 * @param rtsd       the RTSD these were read from; null without one
 */
public record ViewerDocument(Path file, AudioClip audio, WaveformSummary waveform, Spectrogram spectrogram,
                             IntensityField intensity, DirectionTrack track,
                             DirectionMap overview, SequencedMap<String, SlotPrediction> predictions, List<TruthSource> truth,
                             Map<String, GroundTruthReader.Track> tracks, RoomResponse room, ClipTruth rtsd) {

    public static final String DSP_LOCALIZER = "DSP localizer";
    public static final int LOCALIZER_SOURCES = 3;
    public static final double FRAMEWISE_SECONDS = 60;
    private static final double FRAME_WINDOW_SECONDS = 0.5;
    /** The direction maps' grid: 2-degree cells. */
    public static final DirectionGrid MAP_GRID = new DirectionGrid(2);

    public ViewerDocument {
        predictions = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(predictions));
    }

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
        SequencedMap<String, SlotPrediction> predictions = new LinkedHashMap<>();
        DirectionMap overview = null;
        DirectionTrack track = null;
        if (audio.channelCount() == 4) {
            intensity = IntensityField.compute(audio, task.slice(0.6, 0.9));
            DspLocalizer localizer = new DspLocalizer(LOCALIZER_SOURCES);
            predictions.put(DSP_LOCALIZER, audio.duration() <= FRAMEWISE_SECONDS
                    ? localizer.localizeFrames(intensity, FRAME_WINDOW_SECONDS) : localizer.localize(intensity));
            overview = DirectionMap.of(intensity, MAP_GRID);
            track = DirectionTrack.of(intensity);
        }
        ClipTruth rtsd = ClipTruth.find(file).orElse(null);
        List<TruthSource> truth = List.of();
        RoomResponse room = null;
        Map<String, GroundTruthReader.Track> tracks = Map.of();
        if (rtsd != null) {
            truth = GroundTruthReader.read(rtsd);
            tracks = GroundTruthReader.tracks(rtsd);
            room = truth.isEmpty() ? null : RoomResponse.fromRtsd(rtsd);
        }
        task.progress(1, "analysed");
        return new ViewerDocument(file, audio, WaveformSummary.of(audio), spectrogram, intensity, track, overview, predictions, truth, tracks, room, rtsd);
    }

    /** The ground truth at time {@code t}: moving sources where their track has them. */
    public List<TruthSource> truthAt(double t) {
        return truth.stream().map(s -> tracks.containsKey(s.id()) ? tracks.get(s.id()).at(s, t) : s).toList();
    }

    public ViewerDocument withSpectrogram(Spectrogram s) {
        return new ViewerDocument(file, audio, waveform, s, intensity, track, overview, predictions, truth, tracks, room, rtsd);
    }
}
