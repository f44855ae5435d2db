package org.notmono.model.safetensors;

/** The element types a safetensors file may hold that this reader understands, by their header names. */
public enum SafeTensorType {
    F32(4), F16(2), BF16(2), F64(8), I64(8), I32(4);

    private final int bytes;

    SafeTensorType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }

    /** True for the types read as float32 arrays (the floating types; bf16 and f16 are widened). */
    public boolean floating() {
        return this == F32 || this == F16 || this == BF16 || this == F64;
    }

    /** The type named {@code name} in a header; null when unsupported. */
    static SafeTensorType byName(String name) {
        for (SafeTensorType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
