package org.notmono.training.sapo;

import java.io.IOException;

import ai.djl.ndarray.NDManager;
import org.notmono.model.encoder.EncoderOutput;

/**
 * Where Stage 4 gets the frozen encoder's outputs for a clip: a cache computed once per dataset
 * (Stages 2-4 never re-run the encoder), or the encoder itself.
 */
@FunctionalInterface
public interface EncodedClips {
    /** The encoder's outputs [1, ...] for {@code clip} (a QA item's clip path), in {@code manager}. */
    EncoderOutput encoded(String clip, NDManager manager) throws IOException;
}
