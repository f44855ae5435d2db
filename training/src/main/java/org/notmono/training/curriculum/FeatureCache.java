package org.notmono.training.curriculum;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.lalm.AudioWindow;
import org.notmono.model.lalm.LalmModel;
import org.notmono.training.sapo.EncodedClips;

/**
 * The frozen encoder's outputs per clip, computed once and kept beside the dataset in
 * {@code DATA/features/encoder-<sha>/<clip sha256>.ndlist} (DJL's NDList encoding), keyed by the
 * clip's bytes and the encoder's weights, so Stages 2-4 never run the encoder twice on a clip
 * and a different encoder never reads another's outputs. A clip longer than the window is heard
 * in its loudest window, as {@code ask} hears it.
 */
public final class FeatureCache {
    private final LalmModel model;
    private final Path data;
    private final Path folder;
    private int computed;

    public FeatureCache(LalmModel model, Path data) throws IOException {
        this.model = model;
        this.data = data;
        this.folder = data.resolve("features").resolve("encoder-" + sha256(model.encoderDir().resolve("encoder-0000.params")).substring(0, 16));
    }

    /** Stage 4's view of this cache: a clip path relative to the data folder to its encoder outputs. */
    public EncodedClips encodedClips() {
        return (clip, manager) -> new EncoderOutput(outputs(data.resolve(clip), manager));
    }

    /** The folder this encoder's outputs are cached in. */
    public Path folder() {
        return folder;
    }

    /** How many clips this cache has run the encoder on (the rest were read back). */
    public int computed() {
        return computed;
    }

    /** The outputs ([1, ...] arrays, in {@code manager}) for a clip, from the cache or computed and cached. */
    public NDList outputs(Path clip, NDManager manager) throws IOException {
        Path file = folder.resolve(sha256(clip) + ".ndlist");
        if (Files.isRegularFile(file)) {
            return NDList.decode(manager, Files.readAllBytes(file));
        }
        AudioClip heard = AudioWindow.of(Wav.read(clip), LalmModel.WINDOW_SECONDS).clip();
        NDList out = new NDList();
        try (NDManager scratch = manager.newSubManager()) {
            EncoderOutput encoded = model.encode(List.of(model.features(heard)), scratch);
            for (NDArray a : encoded.arrays()) {
                NDArray kept = a.duplicate();
                kept.attach(manager);
                out.add(kept);
            }
        }
        Files.createDirectories(folder);
        Path tmp = Files.createTempFile(folder, "clip", ".tmp");
        Files.write(tmp, out.encode());
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        computed++;
        return out;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
