package org.notmono.model.safetensors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes float tensors as a safetensors file, in the order given, atomically (temporary file,
 * then rename). Float32 is what our checkpoints store; float16 (Java's round to nearest even)
 * halves a shipped checkpoint; bfloat16 (rounded to nearest even) exists so tests can write the
 * files a Hugging Face user has.
 */
public final class SafeTensorsWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensorsWriter() {
    }

    /** Writes {@code tensors} (float32 arrays, any manager) to {@code file} as {@code type} (F32, F16 or BF16). */
    public static void write(Path file, Map<String, NDArray> tensors, SafeTensorType type, Map<String, String> metadata)
            throws IOException {
        if (type != SafeTensorType.F32 && type != SafeTensorType.F16 && type != SafeTensorType.BF16) {
            throw new IllegalArgumentException("writes F32, F16 or BF16, not " + type);
        }
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject("__metadata__");
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            NDArray a = e.getValue();
            if (a.getDataType() != DataType.FLOAT32) {
                throw new IllegalArgumentException("tensor " + e.getKey() + " is " + a.getDataType() + ", not float32");
            }
            long bytes = a.size() * type.bytes();
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", type.name());
            var shape = t.putArray("shape");
            for (long d : a.getShape().getShape()) {
                shape.add(d);
            }
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8; // the format pads the header with spaces to 8-byte alignment
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
            out.write(json);
            for (int i = json.length; i < padded; i++) {
                out.write(' ');
            }
            for (NDArray a : tensors.values()) {
                out.write(encode(a.toFloatArray(), type));
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] encode(float[] values, SafeTensorType type) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            switch (type) {
                case F32 -> buf.putFloat(v);
                case F16 -> buf.putShort(Float.floatToFloat16(v));
                default -> buf.putShort(toBf16(v));
            }
        }
        return buf.array();
    }

    /** Rounds a float to bfloat16, to nearest with ties to even (as PyTorch does); NaN stays NaN. */
    public static short toBf16(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isNaN(v)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounding = 0x7fff + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }
}
