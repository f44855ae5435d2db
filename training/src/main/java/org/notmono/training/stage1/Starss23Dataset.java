package org.notmono.training.stage1;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.model.encoder.Directions;
import org.notmono.sim.sources.ClassVocabulary;
import org.notmono.sim.sources.SourceClass;

/**
 * Real recordings in STARSS23 layout: 4-channel FOA WAVs (ambiX, 24 kHz) anywhere under the
 * folder, each with the metadata CSV of the same name ({@link Starss23Labels}). Each
 * recording is cut into consecutive windows; a source (class and source index) is in a
 * window's truth when it is active in at least {@link #MIN_ACTIVE_SECONDS} of it, at its mean
 * direction and distance there. Windows are marked real, so class and room losses skip them.
 */
public final class Starss23Dataset {
    public static final double MIN_ACTIVE_SECONDS = 1.0;

    private Starss23Dataset() {
    }

    /**
     * @param vocabulary maps STARSS23 labels to our classes
     * @param ids        the model's class ids (labels are indices into it)
     */
    public static List<ClipWindow> windows(Path root, ClassVocabulary vocabulary, List<String> ids, double windowSeconds)
            throws IOException {
        if (!Files.isDirectory(root)) {
            throw new InputException(root + " is not a folder of STARSS23 recordings");
        }
        Map<String, Path> csvs = new HashMap<>();
        List<Path> wavs;
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
            for (Path f : files) {
                if (f.getFileName().toString().endsWith(".csv")) {
                    csvs.put(stem(f), f);
                }
            }
            wavs = files.stream().filter(f -> f.getFileName().toString().endsWith(".wav")).toList();
        }
        if (wavs.isEmpty()) {
            throw new InputException(root + " holds no .wav recordings (STARSS23 layout: foa_dev/**.wav and metadata_dev/**.csv)");
        }
        Map<String, Path> byStem = new HashMap<>();
        for (Path wav : wavs) {
            if (inFolderNamed(root.relativize(wav), "mic_dev")) { // 4 channels too, but a tetrahedral array's, not ambiX
                throw new InputException(wav + " is a mic-array recording (mic_dev/); pass a folder with STARSS23's foa_dev/ and"
                        + " metadata_dev/ only");
            }
            Path other = byStem.putIfAbsent(stem(wav), wav);
            if (other != null) { // a recording finds its CSV by name
                throw new InputException(root + " holds two recordings named " + stem(wav) + ".wav (" + other + ", " + wav
                        + "); keep one: a recording's labels are the CSV of its name");
            }
        }
        List<ClipWindow> windows = new ArrayList<>();
        for (Path wav : wavs) {
            Path csv = csvs.get(stem(wav));
            if (csv == null) {
                throw new InputException(wav + " has no metadata CSV named " + stem(wav) + ".csv");
            }
            var format = Wav.probe(wav);
            if (format.channels() != 4) {
                throw new InputException(wav + " has " + format.channels() + " channels; STARSS23's FOA recordings (foa_dev/) have 4");
            }
            double seconds = format.duration();
            List<Starss23Labels.Row> rows = Starss23Labels.read(csv);
            int framesPerWindow = (int) Math.round(windowSeconds / Starss23Labels.FRAME_SECONDS);
            int count = (int) Math.floor(seconds / windowSeconds);
            for (int w = 0; w < count; w++) {
                int first = w * framesPerWindow;
                windows.add(new ClipWindow(wav, w * windowSeconds,
                        labels(stem(wav) + "@" + w, rows, first, first + framesPerWindow, vocabulary, ids)));
            }
        }
        return windows;
    }

    static SceneLabels labels(String id, List<Starss23Labels.Row> rows, int firstFrame, int endFrame, ClassVocabulary vocabulary,
                              List<String> ids) {
        Map<String, List<Starss23Labels.Row>> bySource = new LinkedHashMap<>();
        for (Starss23Labels.Row r : rows) {
            if (r.frame() >= firstFrame && r.frame() < endFrame) {
                bySource.computeIfAbsent(r.classIndex() + "/" + r.source(), k -> new ArrayList<>()).add(r);
            }
        }
        List<SourceLabel> sources = new ArrayList<>();
        int minFrames = (int) Math.round(MIN_ACTIVE_SECONDS / Starss23Labels.FRAME_SECONDS);
        for (Map.Entry<String, List<Starss23Labels.Row>> e : bySource.entrySet()) {
            List<Starss23Labels.Row> track = e.getValue();
            if (track.size() < minFrames) {
                continue;
            }
            double x = 0;
            double y = 0;
            double z = 0;
            double cm = 0;
            for (Starss23Labels.Row r : track) {
                double[] v = Directions.toVector(r.azimuth(), r.elevation());
                x += v[0];
                y += v[1];
                z += v[2];
                cm += r.distanceCm();
            }
            double[] angles = Directions.toAngles(x, y, z);
            String label = track.getFirst().className();
            // a STARSS23 label may stand for several of our classes ("Musical instrument"): all of them are right
            List<String> mapped = vocabulary.forStarss23(label).stream().map(SourceClass::id).toList();
            sources.add(SourceLabel.anyOf(e.getKey(), angles[0], angles[1], cm / track.size() / 100,
                    mapped.isEmpty() ? List.of(label) : mapped, ids));
        }
        return new SceneLabels(id, sources, Double.NaN, Double.NaN, true);
    }

    /** True when one of the folders on {@code relative} (not the file name) is {@code folder}. */
    private static boolean inFolderNamed(Path relative, String folder) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().equals(folder)) {
                return true;
            }
        }
        return false;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
