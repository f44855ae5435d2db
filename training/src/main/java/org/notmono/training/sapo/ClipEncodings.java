package org.notmono.training.sapo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.notmono.audio.Wav;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.lalm.LalmModel;

/**
 * {@link EncodedClips} for a folder of clips when no encoder cache is at hand: each clip is read
 * and encoded by the LALM's frozen encoder the first time it is asked for, and its outputs kept
 * (they are small) for the rest of the run.
 */
public final class ClipEncodings implements EncodedClips, AutoCloseable {
    private final LalmModel model;
    private final Path folder;
    private final NDManager manager;
    private final Map<String, EncoderOutput> kept = new HashMap<>();

    /** @param folder the folder QA items' clip paths are relative to */
    public ClipEncodings(LalmModel model, Path folder) {
        this.model = model;
        this.folder = folder;
        this.manager = model.lm().manager().newSubManager();
    }

    @Override
    public EncoderOutput encoded(String clip, NDManager into) throws IOException {
        EncoderOutput out = kept.get(clip);
        if (out == null) {
            out = model.encode(List.of(model.features(Wav.read(folder.resolve(clip)))), manager);
            kept.put(clip, out);
        }
        NDList copies = new NDList();
        for (NDArray a : out.arrays()) {
            NDArray c = a.duplicate();
            c.attach(into);
            copies.add(c);
        }
        return new EncoderOutput(copies);
    }

    @Override
    public void close() {
        manager.close();
    }
}
