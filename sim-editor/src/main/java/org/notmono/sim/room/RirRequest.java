package org.notmono.sim.room;

/** Everything one room impulse response depends on. */
public record RirRequest(Shoebox room, Absorption absorption, Point3 source, Point3 receiver,
                         Orientation orientation, int sampleRate, RirOptions options) {

    public RirRequest withSource(Point3 s) {
        return new RirRequest(room, absorption, s, receiver, orientation, sampleRate, options);
    }

    /** RT60 of the tail model (Eyring when no tail is asked for). */
    public double targetRt60() {
        return RoomAcoustics.rt60(options.tail(), room, absorption, options.speedOfSound());
    }
}
