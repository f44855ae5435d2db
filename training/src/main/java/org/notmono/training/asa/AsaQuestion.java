package org.notmono.training.asa;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Wav;
import org.notmono.training.qa.QaItem;

/**
 * One benchmark question as an answerer meets it: the item (question, options, family), the
 * clip it is about, and the scene's truth. Only the oracle may read {@link #truth()}; every
 * other answerer must answer from the clip.
 */
public record AsaQuestion(QaItem item, Path clip, JsonNode truth) {

    /** The clip's FOA audio. */
    public AudioClip audio() throws IOException {
        return Wav.read(clip);
    }
}
