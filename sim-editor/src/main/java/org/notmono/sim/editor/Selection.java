package org.notmono.sim.editor;

/**
 * What the editor has selected: the room, the receiver or one source (by id).
 *
 * @param sourceId the source's id for {@link Kind#SOURCE}, else null
 */
public record Selection(Kind kind, String sourceId) {
    public enum Kind { ROOM, RECEIVER, SOURCE }

    public static final Selection ROOM = new Selection(Kind.ROOM, null);
    public static final Selection RECEIVER = new Selection(Kind.RECEIVER, null);

    public static Selection source(String id) {
        return new Selection(Kind.SOURCE, id);
    }

    public boolean isSource() {
        return kind == Kind.SOURCE;
    }
}
