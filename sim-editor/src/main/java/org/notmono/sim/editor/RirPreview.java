package org.notmono.sim.editor;

import org.notmono.sim.room.DecayAnalysis;
import org.notmono.sim.room.RoomSimulator;
import org.notmono.sim.scene.Scene;

/**
 * The impulse response from one source to the receiver, as the renderer computes it, with its
 * Schroeder decay and measured RT60.
 *
 * @param foa   rows W, Y, Z, X
 * @param decay energy decay curve of W in dB
 * @param t30   measured T30 of W in seconds (NaN when the decay is too short)
 */
public record RirPreview(String sourceId, int sampleRate, float[][] foa, double[] decay, double t30) {

    public static RirPreview of(Scene scene, String sourceId) {
        Scene.Source s = SceneEdits.source(scene, sourceId);
        float[][] h = RoomSimulator.foa(scene.rirRequest(s.positionAt(s.onset())));
        return new RirPreview(sourceId, scene.sampleRate(), h, DecayAnalysis.energyDecayCurve(h[0]),
                DecayAnalysis.t30(h[0], scene.sampleRate()));
    }
}
