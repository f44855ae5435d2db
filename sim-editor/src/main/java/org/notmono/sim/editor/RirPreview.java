package org.notmono.sim.editor;

import org.notmono.sim.room.DecayAnalysis;
import org.notmono.sim.room.RirRequest;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.RoomSimulator;
import org.notmono.sim.scene.Scene;

/**
 * The impulse response from one source to the receiver, as the renderer computes it, with its
 * Schroeder decay, measured T20 and T30, and the Sabine and Eyring predictions.
 *
 * @param foa   rows W, Y, Z, X
 * @param decay energy decay curve of W in dB
 * @param t20   measured T20 of W in seconds (NaN when the decay is too short)
 * @param t30   measured T30 of W in seconds (NaN when the decay is too short)
 */
public record RirPreview(String sourceId, int sampleRate, float[][] foa, double[] decay, double t20, double t30,
                         double sabine, double eyring) {

    public static RirPreview of(Scene scene, String sourceId) {
        Scene.Source s = SceneEdits.source(scene, sourceId);
        RirRequest request = scene.rirRequest(s.positionAt(s.onset()));
        float[][] h = RoomSimulator.foa(request);
        double c = request.options().speedOfSound();
        return new RirPreview(sourceId, scene.sampleRate(), h, DecayAnalysis.energyDecayCurve(h[0]),
                DecayAnalysis.t20(h[0], scene.sampleRate()), DecayAnalysis.t30(h[0], scene.sampleRate()),
                RoomAcoustics.sabine(request.room(), request.absorption(), c), RoomAcoustics.eyring(request.room(), request.absorption(), c));
    }
}
