package org.notmono.model.safetensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Header parsing, f16/bf16 widening and the bf16 rounding rule, against values computed by hand. */
class SafeTensorsTest {
    @TempDir
    Path dir;

    @Test
    void bf16RoundsToNearestEven() {
        // 1 + 2^-8 lies halfway between bf16 neighbours 1 and 1 + 2^-7: ties go to the even one (1)
        assertEquals((short) 0x3f80, SafeTensorsWriter.toBf16(1f + 0x1p-8f));
        // 1 + 3 * 2^-8 is halfway between 1 + 2^-7 (odd) and 1 + 2^-6 (even)
        assertEquals((short) 0x3f82, SafeTensorsWriter.toBf16(1f + 3 * 0x1p-8f));
        assertEquals((short) 0xc049, SafeTensorsWriter.toBf16(-3.14159f));
    }

    @Test
    void f16AndBf16AreWidenedToFloat32() throws IOException {
        float[] values = {1.5f, -2.25f, 65504f, 0.0001f};
        ByteBuffer f16 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer bf16 = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            f16.putShort(Float.floatToFloat16(v));
            bf16.putShort(SafeTensorsWriter.toBf16(v));
        }
        String header = "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[4],\"data_offsets\":[8,16]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + h.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(h.length).put(h).put(f16.array()).put(bf16.array());
        Path path = dir.resolve("mixed.safetensors");
        Files.write(path, file.array());
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> read = SafeTensorsReader.read(path, m);
            assertEquals(new Shape(2, 2), read.get("a").getShape());
            float[] a = read.get("a").toFloatArray();
            float[] b = read.get("b").toFloatArray();
            for (int i = 0; i < values.length; i++) {
                assertEquals(Float.float16ToFloat(Float.floatToFloat16(values[i])), a[i]);
                assertEquals(Float.intBitsToFloat(SafeTensorsWriter.toBf16(values[i]) << 16), b[i]);
            }
            // round trip through our writer
            SafeTensorsWriter.write(dir.resolve("out.safetensors"), read, SafeTensorType.F32, Map.of());
            assertArrayEquals(a, SafeTensorsReader.read(dir.resolve("out.safetensors"), m).get("a").toFloatArray());
        }
    }

    @Test
    void offsetsThatDoNotFitTheShapeAreNamed() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + h.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(h.length).put(h);
        Path path = dir.resolve("bad.safetensors");
        Files.write(path, file.array());
        try (NDManager m = NDManager.newBaseManager()) {
            IOException e = assertThrows(IOException.class, () -> SafeTensorsReader.read(path, m));
            assertTrue(e.getMessage().contains("tensor w"), e.getMessage());
        }
    }
}
