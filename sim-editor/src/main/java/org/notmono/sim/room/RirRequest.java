package org.notmono.sim.room;

import java.util.Locale;

/** Everything one room impulse response depends on. */
public record RirRequest(Shoebox room, Absorption absorption, Point3 source, Point3 receiver,
                         Orientation orientation, int sampleRate, RirOptions options) {

    /** The longest impulse response computed: beyond it a room is no room (or the request is a typo). */
    public static final double MAX_SECONDS = 60;

    public RirRequest withSource(Point3 s) {
        return new RirRequest(room, absorption, s, receiver, orientation, sampleRate, options);
    }

    /** RT60 of the tail model (Eyring when no tail is asked for). */
    public double targetRt60() {
        return RoomAcoustics.rt60(options.tail(), room, absorption, options.speedOfSound());
    }

    /**
     * How long the RIR will be, in seconds, without computing it: the farthest image's arrival
     * (pyroomacoustics' length), or the tail's take-over plus its RT60 when a tail is asked for.
     */
    public double seconds() {
        ImageSourceMethod ism = new ImageSourceMethod(room, absorption, source, receiver, orientation, sampleRate, options, true);
        double c = options.speedOfSound();
        double s = ism.maxDistance() / c + (2.0 * FractionalDelay.HALF + 2) / sampleRate;
        if (options.tail() != TailModel.NONE) {
            ImageSourceMethod next = new ImageSourceMethod(room, absorption, source, receiver, orientation, sampleRate,
                    RirOptions.pyroomacoustics(options.maxOrder() + 1), true);
            s = Math.max(s, next.minDistanceOfShell(options.maxOrder() + 1) / c + targetRt60());
        }
        return s;
    }

    /**
     * Refuses a request whose RIR would last longer than {@link #MAX_SECONDS} (a huge room, a
     * near-zero absorption with a tail) before anything is allocated.
     *
     * @throws IllegalArgumentException naming the length and what to change
     */
    public void checkLength() {
        double s = seconds();
        if (!(s <= MAX_SECONDS)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the impulse response would last %.3g s (at most %.0f s);"
                    + " make the room smaller, the absorption larger or the image-source order lower", s, MAX_SECONDS));
        }
    }
}
