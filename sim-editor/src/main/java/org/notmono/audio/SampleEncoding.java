package org.notmono.audio;

/** How samples are stored in a WAV file. */
public enum SampleEncoding {
    PCM_8(8, false), PCM_16(16, false), PCM_24(24, false), PCM_32(32, false), FLOAT_32(32, true), FLOAT_64(64, true);

    private final int bits;
    private final boolean floatingPoint;

    SampleEncoding(int bits, boolean floatingPoint) {
        this.bits = bits;
        this.floatingPoint = floatingPoint;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    public boolean isFloat() {
        return floatingPoint;
    }

    /** The encoding of a WAV file's fmt chunk, or null when there is none. */
    static SampleEncoding of(boolean floatingPoint, int bits) {
        for (SampleEncoding e : values()) {
            if (e.floatingPoint == floatingPoint && e.bits == bits) {
                return e;
            }
        }
        return null;
    }

    /** A short human name: "16-bit PCM", "32-bit float". */
    public String label() {
        return bits + "-bit " + (floatingPoint ? "float" : "PCM");
    }
}
