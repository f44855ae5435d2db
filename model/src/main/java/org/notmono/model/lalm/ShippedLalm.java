package org.notmono.model.lalm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The LALM that ships in the assets ({@code assets/checkpoints/lalm-tiny/}) once the curriculum
 * has trained one. DJL and the tokenizer read files, so it is copied to a temporary folder.
 */
public final class ShippedLalm {
    public static final String RESOURCE = "/assets/checkpoints/lalm-tiny/";
    private static final String[] FILES = {LalmCheckpoint.MODEL_JSON, "tokenizer.json", "lm.safetensors", "projector.params",
        "encoder/model.json", "encoder/encoder-0000.params"};
    private static final String OPTIONAL = "lora.safetensors";

    private ShippedLalm() {
    }

    /** A folder holding the shipped checkpoint, or empty when the assets carry none yet. */
    public static Optional<Path> extract() throws IOException {
        if (ShippedLalm.class.getResource(RESOURCE + LalmCheckpoint.MODEL_JSON) == null) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("notmono-lalm-tiny");
        Files.createDirectories(dir.resolve("encoder"));
        for (String name : FILES) {
            copy(name, dir, true);
        }
        copy(OPTIONAL, dir, false);
        return Optional.of(dir);
    }

    private static void copy(String name, Path dir, boolean required) throws IOException {
        try (InputStream in = ShippedLalm.class.getResourceAsStream(RESOURCE + name)) {
            if (in == null) {
                if (required) {
                    throw new IOException(RESOURCE + name + " is missing from the assets");
                }
                return;
            }
            Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        dir.resolve(name).toFile().deleteOnExit();
    }
}
