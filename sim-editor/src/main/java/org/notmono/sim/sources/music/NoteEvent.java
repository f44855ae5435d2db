package org.notmono.sim.sources.music;

/**
 * One note of a composed piece.
 *
 * @param key      MIDI key number (60 = middle C; for percussion, the GM drum sound)
 * @param velocity MIDI velocity 1-127
 * @param start    onset in seconds
 * @param end      release in seconds, after {@code start}
 */
public record NoteEvent(int key, int velocity, double start, double end) {

    public NoteEvent {
        if (key < 0 || key > 127 || velocity < 1 || velocity > 127 || !(end > start) || start < 0) {
            throw new IllegalArgumentException("invalid note: key " + key + ", velocity " + velocity
                    + ", " + start + " s to " + end + " s");
        }
    }
}
