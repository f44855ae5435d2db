package org.notmono.model.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The encoder that ships in the assets module ({@code assets/checkpoints/encoder-tiny/}, on the
 * classpath under {@code /assets/}). DJL loads parameters from files, so it is copied to a
 * temporary folder first.
 */
public final class ShippedCheckpoint {
    public static final String RESOURCE = "/assets/checkpoints/encoder-tiny/";
    private static final String[] FILES = {EncoderCheckpoint.MODEL_JSON, "encoder-0000.params"};

    private ShippedCheckpoint() {
    }

    /** A folder holding the shipped checkpoint, or empty when the assets carry none. */
    public static Optional<Path> extract() throws IOException {
        if (ShippedCheckpoint.class.getResource(RESOURCE + EncoderCheckpoint.MODEL_JSON) == null) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("notmono-encoder-tiny");
        dir.toFile().deleteOnExit();
        for (String name : FILES) {
            try (InputStream in = ShippedCheckpoint.class.getResourceAsStream(RESOURCE + name)) {
                if (in == null) {
                    throw new IOException(RESOURCE + name + " is missing from the assets");
                }
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
            dir.resolve(name).toFile().deleteOnExit();
        }
        return Optional.of(dir);
    }
}
