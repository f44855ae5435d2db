package org.notmono.sim.sources.music;

import java.util.List;

/**
 * A composed piece for one instrument: the General MIDI program, whether it plays on the
 * percussion channel, and its notes.
 */
public record Score(InstrumentFamily family, int program, List<NoteEvent> notes) {

    public Score {
        notes = List.copyOf(notes);
    }
}
