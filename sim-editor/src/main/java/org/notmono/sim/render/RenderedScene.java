package org.notmono.sim.render;

import java.util.List;

/**
 * The result of rendering a scene.
 *
 * @param audio       4 rows W, Y, Z, X of the scene's length
 * @param sources     per source, in scene order, when it sounds
 * @param measuredRt60 T30 (or T20 when the decay is too short) of the first source's W RIR; NaN without sources
 */
public record RenderedScene(float[][] audio, List<SourceTiming> sources, double measuredRt60) {

    /** When a source sounds in the mix, seconds. */
    public record SourceTiming(double onset, double offset) {
    }
}
