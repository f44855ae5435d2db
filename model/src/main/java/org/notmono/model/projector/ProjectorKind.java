package org.notmono.model.projector;

/** The projector designs of TWNM table 15. */
public enum ProjectorKind {
    /** One MLP over each semantic frame concatenated with the clip's spatial summary. */
    P0,
    /** Dual tower: a semantic tower and a spatial tower, concatenated and projected. */
    P1,
    /** Dense hybrid: a semantic expert, spatial experts (coordinates, room geometry, absorption, count), a combined expert on their sum; concatenated, normalised, through a bottleneck. */
    P2
}
