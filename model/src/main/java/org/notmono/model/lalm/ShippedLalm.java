package org.notmono.model.lalm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.notmono.model.engine.ShippedFolder;

/** The LALM that ships in the assets ({@code assets/checkpoints/lalm-tiny/}, made by the curriculum and {@code notmono pack}). */
public final class ShippedLalm {
    public static final String RESOURCE = "/assets/checkpoints/lalm-tiny/";
    private static final ShippedFolder FOLDER = new ShippedFolder(RESOURCE, List.of(LalmCheckpoint.MODEL_JSON, "tokenizer.json",
            "lm.safetensors", "projector.params", "encoder/model.json", "encoder/encoder-0000.params"), List.of("lora.safetensors"));

    private ShippedLalm() {
    }

    /** A folder holding the shipped checkpoint, or empty when the assets carry none yet. */
    public static Optional<Path> extract() throws IOException {
        return FOLDER.extract();
    }
}
