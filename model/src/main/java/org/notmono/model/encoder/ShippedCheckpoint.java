package org.notmono.model.encoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.notmono.model.engine.ShippedFolder;

/**
 * The encoder that ships in the assets module ({@code assets/checkpoints/encoder-tiny/}, on the
 * classpath under {@code /assets/}).
 */
public final class ShippedCheckpoint {
    public static final String RESOURCE = "/assets/checkpoints/encoder-tiny/";
    private static final ShippedFolder FOLDER = new ShippedFolder(RESOURCE,
            List.of(EncoderCheckpoint.MODEL_JSON, "encoder-0000.params"), List.of());

    private ShippedCheckpoint() {
    }

    /** A folder holding the shipped checkpoint, or empty when the assets carry none. */
    public static Optional<Path> extract() throws IOException {
        return FOLDER.extract();
    }
}
