package org.notmono.sim.scene;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The sha256 of {@code /assets/manifest.json} on the classpath: which assets made a scene. */
public final class AssetsFingerprint {
    private static final String VALUE = compute();

    private AssetsFingerprint() {
    }

    /** Hex sha256, or null when the assets are not on the classpath. */
    public static String sha256() {
        return VALUE;
    }

    private static String compute() {
        try (InputStream in = AssetsFingerprint.class.getResourceAsStream("/assets/manifest.json")) {
            if (in == null) {
                return null;
            }
            return of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex sha256 of a manifest's bytes. */
    public static String of(byte[] manifest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
