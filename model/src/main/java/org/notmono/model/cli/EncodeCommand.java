package org.notmono.model.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import ai.djl.Device;
import org.notmono.audio.AudioClip;
import org.notmono.audio.AudioFileException;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.model.encoder.Encoder;
import org.notmono.model.encoder.ShippedCheckpoint;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotJson;
import org.notmono.sim.scene.SlotPrediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notmono encode CLIP.wav [--checkpoint DIR] [--json] [--device D]}: the spatial encoder's slots for a FOA clip. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Print the spatial encoder's slot predictions for a 4-channel FOA clip (ambiX W, Y, Z, X).",
            "Every clip also gets frame-wise slots every 100 ms; a clip longer than 4 s gets its windows' slots stitched."})
public class EncodeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CLIP.wav")
    Path clip;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "encoder checkpoint (default: the shipped encoder-tiny)")
    Path checkpoint;

    @Option(names = "--json", description = "print JSON (the shape 'notmono analyze' prints)")
    boolean json;

    @Mixin
    DeviceOption device;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(clip)) {
            throw new InputException(clip + ": no such file");
        }
        Path dir = checkpoint != null ? checkpoint : ShippedCheckpoint.extract()
                .orElseThrow(() -> new InputException("no shipped encoder in the assets; pass --checkpoint DIR"));
        AudioClip audio;
        try {
            audio = Wav.read(clip);
        } catch (AudioFileException e) {
            throw new InputException(e.getMessage(), e);
        }
        if (audio.channelCount() != 4) {
            throw new InputException(clip + " has " + audio.channelCount() + " channels; the encoder needs 4-channel FOA");
        }
        SlotPrediction prediction;
        try (Encoder encoder = loadEncoder(dir, device.device())) {
            prediction = encoder.predict(audio);
        } catch (org.notmono.model.encoder.NonFiniteOutputException e) {
            throw new InputException(dir + ": " + e.getMessage());
        }
        if (json) {
            System.out.println(SlotJson.pretty(prediction));
        } else {
            System.out.printf(Locale.ROOT, "%s: %d source(s)%n", clip.getFileName(), prediction.count());
            System.out.printf(Locale.ROOT, "%10s %10s %9s %-20s %9s%n", "azimuth", "elevation", "distance", "class", "existence");
            for (Slot s : prediction.slots()) {
                System.out.printf(Locale.ROOT, "%10.1f %10.1f %9.2f %-20s %9.2f%s%n", s.azimuth(), s.elevation(), s.distance(),
                        s.classId(), s.existence(), s.exists() ? "" : "  (empty)");
            }
        }
        return 0;
    }

    private static Encoder loadEncoder(Path dir, Device device) {
        try {
            return Encoder.load(dir, device);
        } catch (IOException e) {
            throw new InputException(e.getMessage());
        }
    }
}
