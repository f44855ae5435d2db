package org.notmono.sim.room;

import java.util.Locale;

/** Closed-form room acoustics of a shoebox: Sabine and Eyring RT60, inverse Sabine, critical distance. */
public final class RoomAcoustics {
    /** 24 ln 10: the 60 dB decay constant of the Sabine and Eyring formulas. */
    private static final double DECAY_60DB = 24 * Math.log(10);

    private RoomAcoustics() {
    }

    /** Sabine RT60 = 24 ln10 V / (c sum S_i a_i), seconds. */
    public static double sabine(Shoebox room, Absorption a, double c) {
        return DECAY_60DB * room.volume() / (c * a.absorptionArea(room));
    }

    /** Eyring RT60 = 24 ln10 V / (-c S ln(1 - mean a)), seconds; 0 when the mean absorption is 1. */
    public static double eyring(Shoebox room, Absorption a, double c) {
        double mean = a.mean(room);
        // log1p: for a tiny mean absorption log(1 - a) rounds to 0 and the RT60 to minus infinity
        return mean >= 1 ? 0 : DECAY_60DB * room.volume() / (-c * room.surface() * Math.log1p(-mean));
    }

    public static double rt60(TailModel model, Shoebox room, Absorption a, double c) {
        return switch (model) {
            case SABINE -> sabine(room, a, c);
            case EYRING, NONE -> eyring(room, a, c);
        };
    }

    /**
     * The uniform energy absorption whose Sabine RT60 is {@code rt60}, like pyroomacoustics'
     * inverse_sabine.
     *
     * @throws IllegalArgumentException when the room cannot be that dry (absorption would exceed 1)
     */
    public static double inverseSabine(double rt60, Shoebox room, double c) {
        if (!(rt60 > 0) || !Double.isFinite(rt60)) {
            throw new IllegalArgumentException("RT60 must be a positive number of seconds, got " + rt60);
        }
        double a = DECAY_60DB * room.volume() / (c * room.surface() * rt60);
        if (a > 1) {
            double shortest = DECAY_60DB * room.volume() / (c * room.surface());
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "RT60 %.3f s is not reachable in a %sx%sx%s m room: even fully absorbing walls give %.3f s;"
                            + " ask for at least that or a larger room", rt60, num(room.lx()), num(room.ly()), num(room.lz()), shortest));
        }
        return a;
    }

    /** Critical distance sqrt(A / (16 pi)) of an omnidirectional source, A = sum S_i a_i; metres. */
    public static double criticalDistance(Shoebox room, Absorption a) {
        return Math.sqrt(a.absorptionArea(room) / (16 * Math.PI));
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
