package org.notmono.sim.editor;

import java.io.IOException;

/**
 * Turns FOA (ambiX W, Y, Z, X) into two ear signals for a head turned by {@code headYawDeg}.
 * The listening module provides it; the editor asks for one so it does not depend on the viewer.
 */
@FunctionalInterface
public interface BinauralDecoder {
    float[][] decode(float[][] foa, int sampleRate, double headYawDeg) throws IOException;
}
