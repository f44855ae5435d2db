package org.notmono.sim.room;

import java.util.Arrays;

/** Computes room impulse responses: image sources, then the optional tail and high-pass. */
public final class RoomSimulator {

    private RoomSimulator() {
    }

    /** The 4-channel FOA RIR (rows W, Y, Z, X). */
    public static float[][] foa(RirRequest req) {
        return compute(req, false);
    }

    /** One omnidirectional channel, pyroomacoustics' microphone. */
    public static float[] omni(RirRequest req) {
        return compute(req, true)[0];
    }

    private static float[][] compute(RirRequest req, boolean omni) {
        req.checkLength();
        float[][] rir = req.options().airAbsorption() ? AirAbsorption.compute(req, omni)
                : new ImageSourceMethod(req.room(), req.absorption(), req.source(), req.receiver(), req.orientation(),
                        req.sampleRate(), req.options(), omni).compute();
        if (req.options().tail() != TailModel.NONE) {
            rir = DiffuseTail.apply(rir, req, seedOf(req));
        }
        if (req.options().highPass()) {
            HighPass hp = new HighPass(HighPass.CUTOFF_HZ, req.sampleRate());
            for (float[] row : rir) {
                hp.filtfilt(row);
            }
        }
        return rir;
    }

    /** A seed for the tail noise that depends only on the request, so a scene renders the same every time. */
    static long seedOf(RirRequest req) {
        // not req.hashCode(): enum hash codes differ between runs
        double[] key = {req.room().lx(), req.room().ly(), req.room().lz(), req.source().x(), req.source().y(),
            req.source().z(), req.receiver().x(), req.receiver().y(), req.receiver().z(), req.sampleRate()};
        return Arrays.hashCode(key) * 0x9E3779B97F4A7C15L;
    }
}
