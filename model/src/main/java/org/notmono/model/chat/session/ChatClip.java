package org.notmono.model.chat.session;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.model.chat.HeardSpan;
import org.notmono.sim.scene.ClipTruth;
import org.notmono.sim.scene.Rtsd;
import org.notmono.task.TaskContext;

/**
 * The clip a conversation is about.
 *
 * @param file   the WAV file, absolute
 * @param audio  its samples
 * @param sha256 the file's content hash, so a re-rendered file at the same path starts a new conversation
 * @param truth  the clip's RTSD ({@link ClipTruth}: beside it, or its line in a dataset's or benchmark's
 *               {@code rtsd.jsonl}), or null without one
 * @param truthOrigin where {@code truth} was read ({@link ClipTruth#origin()}), or null without one
 */
public record ChatClip(Path file, AudioClip audio, String sha256, Rtsd truth, String truthOrigin) {

    /** Reads a WAV file and its RTSD. */
    public static ChatClip load(Path wav, TaskContext task) throws IOException {
        task.progress(0, "reading " + wav.getFileName());
        return of(wav, Wav.read(wav), task);
    }

    /** A clip whose samples are already read (by Listen & View): hashes the file and reads its RTSD. */
    public static ChatClip of(Path wav, AudioClip audio, TaskContext task) throws IOException {
        task.progress(0.5, "hashing " + wav.getFileName());
        String hash = sha256(wav);
        task.checkCancelled();
        Optional<ClipTruth> truth = ClipTruth.find(wav);
        return new ChatClip(wav.toAbsolutePath().normalize(), audio, hash, truth.isPresent() ? truth.get().rtsd() : null,
                truth.map(ClipTruth::origin).orElse(null));
    }

    public String name() {
        return file.getFileName().toString();
    }

    public double duration() {
        return audio.duration();
    }

    /** True for 4-channel (FOA) audio, the only kind the model hears. */
    public boolean isFoa() {
        return audio.channelCount() == 4;
    }

    /** The span a model with a window of {@code windowSeconds} hears: its loudest window ({@link HeardSpan#loudest}). */
    public HeardSpan heardBy(double windowSeconds) {
        return HeardSpan.loudest(audio, windowSeconds);
    }

    /** The name of this clip's history: one per path and content. */
    public String historyKey() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(file.toString().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(sha256.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(d.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
