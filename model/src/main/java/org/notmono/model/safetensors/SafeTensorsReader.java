package org.notmono.model.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads safetensors files without letting DJL parse them: the header is parsed here and every
 * floating tensor reaches DJL as float32. DJL 0.36 aborts the JVM on a bfloat16 tensor
 * (notes/libraries-probed.md), so bf16 and f16 are widened in Java first. Tensors are
 * memory-mapped one at a time, so a file may be larger than 2 GiB (one tensor may not).
 */
public final class SafeTensorsReader {
    /** The index Hugging Face writes beside sharded weights. */
    public static final String INDEX = "model.safetensors.index.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    private SafeTensorsReader() {
    }

    /** One tensor's entry in a header. */
    public record Entry(String name, SafeTensorType type, Shape shape, long begin, long end) {
    }

    /** The tensors described by {@code file}'s header, in header order, without reading their data. */
    public static List<Entry> entries(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return header(file, ch).entries;
        }
    }

    /** Every tensor of {@code file}, floating ones as float32, in {@code manager}. */
    public static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
        Map<String, NDArray> out = new LinkedHashMap<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Header h = header(file, ch);
            for (Entry e : h.entries) {
                out.put(e.name(), tensor(file, ch, h.dataStart, e, manager));
            }
        }
        return out;
    }

    /**
     * The weights of a Hugging Face folder: {@code model.safetensors}, or the shards listed by
     * {@code model.safetensors.index.json}.
     */
    public static Map<String, NDArray> readFolder(Path folder, NDManager manager) throws IOException {
        Path single = folder.resolve("model.safetensors");
        Path index = folder.resolve(INDEX);
        if (Files.isRegularFile(index)) {
            JsonNode map = JSON.readTree(index.toFile()).path("weight_map");
            if (!map.isObject()) {
                throw new IOException(index + ": no weight_map");
            }
            Set<String> shards = new LinkedHashSet<>();
            map.properties().forEach(p -> shards.add(p.getValue().asText()));
            Map<String, NDArray> out = new LinkedHashMap<>();
            for (String shard : shards) {
                out.putAll(read(folder.resolve(shard), manager));
            }
            for (Iterator<String> it = map.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!out.containsKey(name)) {
                    throw new IOException(index + " lists tensor " + name + " but its shard " + map.get(name).asText() + " lacks it");
                }
            }
            return out;
        }
        if (Files.isRegularFile(single)) {
            return read(single, manager);
        }
        throw new IOException(folder + ": neither model.safetensors nor " + INDEX);
    }

    private record Header(List<Entry> entries, long dataStart) {
    }

    private static Header header(Path file, FileChannel ch) throws IOException {
        if (ch.size() < 8) {
            throw new IOException(file + ": not a safetensors file (" + ch.size() + " bytes)");
        }
        ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, len, 0);
        long n = len.flip().getLong();
        if (n <= 0 || n > MAX_HEADER || 8 + n > ch.size()) {
            throw new IOException(file + ": not a safetensors file (header length " + n + ")");
        }
        ByteBuffer raw = ByteBuffer.allocate((int) n);
        readFully(ch, raw, 8);
        JsonNode root;
        try {
            root = JSON.readTree(new String(raw.array(), StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": the header is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (!root.isObject()) {
            throw new IOException(file + ": the header is not a JSON object");
        }
        long dataStart = 8 + n;
        long dataSize = ch.size() - dataStart;
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : root.properties()) {
            if (p.getKey().equals("__metadata__")) {
                continue;
            }
            JsonNode t = p.getValue();
            String dtype = t.path("dtype").asText();
            SafeTensorType type = SafeTensorType.byName(dtype);
            if (type == null) {
                throw new IOException(file + ": tensor " + p.getKey() + " has unsupported dtype " + dtype);
            }
            long[] dims = new long[t.path("shape").size()];
            long count = 1;
            for (int i = 0; i < dims.length; i++) {
                JsonNode d = t.path("shape").get(i);
                dims[i] = d.asLong(-1);
                if (!d.canConvertToExactIntegral() || dims[i] < 0) {
                    throw new IOException(file + ": tensor " + p.getKey() + " has an impossible shape " + t.path("shape"));
                }
                count = multiplyOrMax(count, dims[i]);
            }
            long begin = t.path("data_offsets").path(0).asLong(-1);
            long end = t.path("data_offsets").path(1).asLong(-1);
            if (begin < 0 || end > dataSize || end - begin != multiplyOrMax(count, type.bytes())) {
                throw new IOException(file + ": tensor " + p.getKey() + " has data offsets [" + begin + ", " + end
                        + "] that do not fit its shape " + new Shape(dims) + " of " + dtype);
            }
            entries.add(new Entry(p.getKey(), type, new Shape(dims), begin, end));
        }
        return new Header(entries, dataStart);
    }

    /** {@code a * b}, or Long.MAX_VALUE when that overflows (no file can hold so many bytes). */
    private static long multiplyOrMax(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static NDArray tensor(Path file, FileChannel ch, long dataStart, Entry e, NDManager manager) throws IOException {
        long bytes = e.end() - e.begin();
        if (bytes > Integer.MAX_VALUE) {
            throw new IOException(file + ": tensor " + e.name() + " is larger than 2 GiB");
        }
        ByteBuffer data = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin(), bytes).order(ByteOrder.LITTLE_ENDIAN);
        NDArray array = switch (e.type()) {
            case F32 -> manager.create(data.asFloatBuffer(), e.shape(), DataType.FLOAT32);
            case BF16, F16, F64 -> manager.create(widen(data, e.type()), e.shape());
            case I64 -> manager.create(data.asLongBuffer(), e.shape(), DataType.INT64);
            case I32 -> manager.create(data.asIntBuffer(), e.shape(), DataType.INT32);
        };
        array.setName(e.name());
        return array;
    }

    /** bf16 is the top half of a float32; f16 and f64 convert exactly or by rounding to nearest. */
    static float[] widen(ByteBuffer data, SafeTensorType type) {
        int n = data.remaining() / type.bytes();
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (type) {
                case BF16 -> Float.intBitsToFloat((data.getShort() & 0xffff) << 16);
                case F16 -> Float.float16ToFloat(data.getShort());
                case F64 -> (float) data.getDouble();
                default -> throw new IllegalArgumentException(type.name());
            };
        }
        return out;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, at);
            if (r < 0) {
                throw new IOException("unexpected end of file");
            }
            at += r;
        }
    }
}
