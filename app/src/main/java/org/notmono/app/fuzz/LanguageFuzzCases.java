package org.notmono.app.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fuzz cases for the inputs the language side reads (issue 17, "the same for the new inputs"):
 * LALM checkpoints given to {@code ask --checkpoint} (model.json values, safetensors headers with
 * bad lengths, offsets, shapes and dtypes including bf16, missing or extra tensors, tokenizer.json
 * garbage, truncated projector weights, missing files, a Hugging Face folder), encoder checkpoints
 * given to {@code encode --checkpoint}, {@code ask --batch} files (torn lines, wrong types, huge
 * and nested values, bad clips) and ASA benchmark folders given to {@code bench asa} (missing or
 * corrupt benchmark.json, items.jsonl, rtsd.jsonl and clips). Each case copies the valid
 * {@link LanguageInputs} and applies one mutation; case {@code i} of seed {@code s} is always the same.
 */
public final class LanguageFuzzCases implements CaseSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Few generated tokens: random weights never stop on their own, and the case is about the inputs. */
    private static final String MAX_TOKENS = "4";

    private final long seed;
    private final LanguageInputs base;

    public LanguageFuzzCases(long seed, LanguageInputs base) {
        this.seed = seed;
        this.base = base;
    }

    @Override
    public FuzzCase make(int index, Path folder) throws IOException {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index + 0x5EED);
        int pick = r.nextInt(100);
        if (pick < 40) {
            return lalmCase(index, folder, r);
        } else if (pick < 55) {
            return encoderCase(index, folder, r);
        } else if (pick < 75) {
            return batchCase(index, folder, r);
        }
        return benchmarkCase(index, folder, r);
    }

    // ---- LALM checkpoints

    private FuzzCase lalmCase(int index, Path folder, SplittableRandom r) throws IOException {
        Path dir = folder.resolve("lalm-fuzz");
        copyTree(base.lalm(), dir);
        String mutation;
        switch (r.nextInt(10)) {
            case 0, 1, 2, 3 -> mutation = "lm.safetensors: " + mutateSafetensors(dir.resolve("lm.safetensors"), r);
            case 4 -> mutation = "model.json: " + mutateJson(dir.resolve("model.json"), r);
            case 5 -> mutation = "tokenizer.json: " + mutateTokenizer(dir.resolve("tokenizer.json"), r);
            case 6 -> mutation = "projector.params: " + mutateBytes(dir.resolve("projector.params"), r);
            case 7 -> {
                String[] files = {"model.json", "tokenizer.json", "lm.safetensors", "projector.params", "encoder/model.json",
                    "encoder/encoder-0000.params"};
                String file = files[r.nextInt(files.length)];
                Files.delete(dir.resolve(file));
                mutation = "without " + file;
            }
            case 8 -> mutation = "encoder/" + mutateEncoder(dir.resolve("encoder"), r);
            default -> {
                // a Hugging Face folder: config.json beside model.safetensors; ask must say it is a backbone, not a LALM
                Path hf = folder.resolve("hf");
                Files.createDirectories(hf);
                JsonNode model = JSON.readTree(dir.resolve("model.json").toFile());
                Files.writeString(hf.resolve("config.json"), model.get("lm").toString());
                Files.copy(dir.resolve("lm.safetensors"), hf.resolve("model.safetensors"));
                return ask(index, folder, "HF folder", "--checkpoint", hf.toString(), base.clip().toString(), LanguageInputs.QUESTION);
            }
        }
        List<String> args = new ArrayList<>(List.of("--checkpoint", dir.toString(), base.clip().toString(), LanguageInputs.QUESTION));
        if (r.nextBoolean()) {
            args.addAll(List.of("--options", String.join(";", LanguageInputs.OPTIONS), "--json"));
        }
        return ask(index, folder, mutation, args.toArray(String[]::new));
    }

    private static FuzzCase ask(int index, Path folder, String mutation, String... rest) {
        List<String> args = new ArrayList<>(List.of("ask", "--max-tokens", MAX_TOKENS));
        args.addAll(List.of(rest));
        return new FuzzCase(index, "ask", mutation, args, folder, List.of(), List.of());
    }

    // ---- encoder checkpoints

    private FuzzCase encoderCase(int index, Path folder, SplittableRandom r) throws IOException {
        Path dir = folder.resolve("encoder-fuzz");
        copyTree(base.encoder(), dir);
        String mutation = mutateEncoder(dir, r);
        List<String> args = new ArrayList<>(List.of("encode", base.clip().toString(), "--checkpoint", dir.toString()));
        if (r.nextBoolean()) {
            args.add("--json");
        }
        return new FuzzCase(index, "encode", mutation, args, folder, List.of(), List.of());
    }

    private static String mutateEncoder(Path dir, SplittableRandom r) throws IOException {
        return switch (r.nextInt(3)) {
            case 0 -> "encoder-0000.params: " + mutateBytes(dir.resolve("encoder-0000.params"), r);
            case 1 -> {
                Files.delete(dir.resolve(r.nextBoolean() ? "model.json" : "encoder-0000.params"));
                yield "a file missing";
            }
            default -> "model.json: " + mutateJson(dir.resolve("model.json"), r);
        };
    }

    // ---- ask --batch files

    private FuzzCase batchCase(int index, Path folder, SplittableRandom r) throws IOException {
        Files.copy(base.clip(), folder.resolve("clip.wav"));
        List<String> lines = new ArrayList<>(Files.readAllLines(base.batch()));
        int at = r.nextInt(lines.size());
        String mutation;
        switch (r.nextInt(9)) {
            case 0 -> {
                String line = lines.get(at);
                int cut = r.nextInt(line.length());
                lines.set(at, line.substring(0, cut));
                mutation = "line " + (at + 1) + " torn at " + cut;
            }
            case 1, 2 -> {
                ObjectNode n = (ObjectNode) JSON.readTree(lines.get(at));
                String[] fields = {"/id", "/clip", "/question", "/options", "/options/0"};
                String field = fields[r.nextInt(fields.length)];
                String value = r.nextBoolean() ? FuzzCases.NUMBERS[r.nextInt(FuzzCases.NUMBERS.length)]
                        : JSON.getNodeFactory().textNode(FuzzCases.TEXTS[r.nextInt(FuzzCases.TEXTS.length)]).toString();
                if (n.at(field).isMissingNode()) {
                    field = "/id";
                }
                lines.set(at, FuzzCases.replaceValue(n, field, value));
                mutation = "line " + (at + 1) + " " + field + " = " + FuzzCases.shorten(value);
            }
            case 3 -> {
                ObjectNode n = (ObjectNode) JSON.readTree(lines.get(at));
                String field = new String[] {"/clip", "/question", "/options"}[r.nextInt(3)];
                FuzzCases.remove(n, field);
                n.put("extra", 1);
                lines.set(at, n.toString());
                mutation = "line " + (at + 1) + " without " + field + ", with an unknown field";
            }
            case 4 -> {
                int depth = 500 + r.nextInt(5000);
                lines.set(at, "{\"id\": " + "[".repeat(depth) + "]".repeat(depth) + "}");
                mutation = "line " + (at + 1) + " nested " + depth + " deep";
            }
            case 5 -> {
                String[] whole = {"", "\n\n", "[]", "null", "\"text\"", "{} {}", "\u0000"};
                String w = whole[r.nextInt(whole.length)];
                lines = List.of(w);
                mutation = "file is " + FuzzCases.shorten(JSON.getNodeFactory().textNode(w).toString());
            }
            case 6 -> {
                String[] clips = {"/dev/zero", ".", "missing.wav", "../../../../etc/passwd", "a\u0000b.wav", "clip.wav/"};
                ObjectNode n = (ObjectNode) JSON.readTree(lines.get(at));
                n.put("clip", clips[r.nextInt(clips.length)]);
                lines.set(at, n.toString());
                mutation = "line " + (at + 1) + " clip " + FuzzCases.shorten(n.get("clip").toString());
            }
            case 7 -> {
                mutation = "clip.wav: " + FuzzCases.mutateWav(folder.resolve("clip.wav"), r);
            }
            default -> {
                ObjectNode n = (ObjectNode) JSON.readTree(lines.get(at));
                String big = "where is the dog ".repeat(2_000 + r.nextInt(20_000));
                n.put("question", big);
                lines.set(at, n.toString());
                mutation = "line " + (at + 1) + " question of " + big.length() + " characters";
            }
        }
        Path file = folder.resolve("questions.jsonl");
        byte[] bytes = (String.join("\n", lines) + (r.nextInt(4) == 0 ? "" : "\n")).getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(12) == 0 && bytes.length > 0) {
            bytes[r.nextInt(bytes.length)] = (byte) (0x80 | r.nextInt(0x40));
            mutation += ", not UTF-8";
        }
        Files.write(file, bytes);
        return ask(index, folder, mutation, "--batch", file.toString(), "--checkpoint", base.lalm().toString());
    }

    // ---- benchmark folders

    private FuzzCase benchmarkCase(int index, Path folder, SplittableRandom r) throws IOException {
        Path dir = folder.resolve("asa");
        copyTree(base.benchmark(), dir);
        String mutation;
        switch (r.nextInt(8)) {
            case 0 -> {
                List<Path> files = new ArrayList<>(List.of(dir.resolve("benchmark.json"), dir.resolve("items.jsonl"),
                        dir.resolve("rtsd.jsonl")));
                files.add(someClip(dir, r));
                Path gone = files.get(r.nextInt(files.size()));
                Files.delete(gone);
                mutation = "without " + dir.relativize(gone);
            }
            case 1 -> mutation = "benchmark.json: " + mutateJson(dir.resolve("benchmark.json"), r);
            case 2, 3 -> mutation = mutateJsonLine(dir.resolve(r.nextBoolean() ? "items.jsonl" : "rtsd.jsonl"), r);
            case 4 -> {
                Path file = dir.resolve(r.nextBoolean() ? "items.jsonl" : "rtsd.jsonl");
                byte[] b = Files.readAllBytes(file);
                int cut = r.nextInt(b.length);
                Files.write(file, Arrays.copyOf(b, cut));
                mutation = file.getFileName() + " cut at byte " + cut;
            }
            case 5 -> {
                Path clip = someClip(dir, r);
                mutation = dir.relativize(clip) + ": " + FuzzCases.mutateWav(clip, r);
            }
            case 6 -> {
                Path file = dir.resolve(r.nextBoolean() ? "items.jsonl" : "rtsd.jsonl");
                List<String> lines = new ArrayList<>(Files.readAllLines(file));
                switch (r.nextInt(4)) {
                    case 0 -> lines.add(lines.get(r.nextInt(lines.size())));
                    case 1 -> lines.remove(r.nextInt(lines.size()));
                    case 2 -> lines.clear();
                    default -> lines.add(r.nextInt(lines.size()), "");
                }
                Files.write(file, lines);
                mutation = file.getFileName() + " lines changed (" + lines.size() + " lines)";
            }
            default -> {
                Path file = dir.resolve(r.nextBoolean() ? "items.jsonl" : "rtsd.jsonl");
                Files.writeString(file, "{\"x\": " + "[".repeat(3000) + "]".repeat(3000) + "}\n", java.nio.file.StandardOpenOption.APPEND);
                mutation = file.getFileName() + " + a line nested 3000 deep";
            }
        }
        String answerer = r.nextInt(6) == 0 ? "dsp" : r.nextBoolean() ? "oracle" : "random";
        Path out = folder.resolve("answers");
        List<String> args = new ArrayList<>(List.of("bench", "asa", "--benchmark", dir.toString(), "--answerer", answerer, "-o", out.toString()));
        if (r.nextBoolean()) {
            args.add("--json");
        }
        return new FuzzCase(index, "bench asa", mutation + " (" + answerer + ")", args, folder,
                List.of(out.resolve("results.json"), out.resolve("accuracy.png"), out.resolve("answers.jsonl")), List.of());
    }

    private static Path someClip(Path benchmark, SplittableRandom r) throws IOException {
        try (Stream<Path> s = Files.list(benchmark.resolve("clips"))) {
            List<Path> clips = s.sorted().toList();
            return clips.get(r.nextInt(clips.size()));
        }
    }

    /** One line of a JSON-lines file with one value replaced, removed, or the line made garbage. */
    private static String mutateJsonLine(Path file, SplittableRandom r) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int at = r.nextInt(lines.size());
        String what = file.getFileName() + " line " + (at + 1) + ": ";
        JsonNode node = JSON.readTree(lines.get(at));
        if (r.nextInt(5) == 0 || !(node instanceof ObjectNode n)) {
            String[] garbage = {"", "[]", "null", "{", "}", "{\"a\":1}", "\u0000", "x".repeat(10_000)};
            String g = garbage[r.nextInt(garbage.length)];
            lines.set(at, g);
            Files.write(file, lines);
            return what + "replaced by " + FuzzCases.shorten(JSON.getNodeFactory().textNode(g).toString());
        }
        String change = mutateLeaf(n, r);
        lines.set(at, change.substring(change.indexOf('\n') + 1));
        Files.write(file, lines);
        return what + change.substring(0, change.indexOf('\n'));
    }

    // ---- JSON files

    /** Replaces or removes one value anywhere in a JSON object file; says which. */
    private static String mutateJson(Path file, SplittableRandom r) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (r.nextInt(8) == 0 || !(root instanceof ObjectNode o)) {
            byte[] b = Files.readAllBytes(file);
            int cut = r.nextInt(b.length);
            Files.write(file, Arrays.copyOf(b, cut));
            return "cut at byte " + cut;
        }
        String change = mutateLeaf(o, r);
        Files.writeString(file, change.substring(change.indexOf('\n') + 1));
        return change.substring(0, change.indexOf('\n'));
    }

    /** "what was done\nthe new JSON text" for one value of {@code root} replaced or removed. */
    private static String mutateLeaf(ObjectNode root, SplittableRandom r) {
        List<String> pointers = new ArrayList<>();
        pointers(root, "", pointers);
        String pointer = pointers.get(r.nextInt(pointers.size()));
        int choice = r.nextInt(10);
        if (choice == 0) {
            FuzzCases.remove(root, pointer);
            return "without " + pointer + "\n" + root;
        }
        String value = choice < 6 ? FuzzCases.NUMBERS[r.nextInt(FuzzCases.NUMBERS.length)]
                : JSON.getNodeFactory().textNode(FuzzCases.TEXTS[r.nextInt(FuzzCases.TEXTS.length)]).toString();
        return pointer + " = " + FuzzCases.shorten(value) + "\n" + FuzzCases.replaceValue(root, pointer, value);
    }

    /** JSON pointers of every value below {@code node} (objects and arrays included, the root not). */
    private static void pointers(JsonNode node, String at, List<String> out) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = at + "/" + e.getKey().replace("~", "~0").replace("/", "~1");
                out.add(p);
                pointers(e.getValue(), p, out);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                out.add(at + "/" + i);
                pointers(a.get(i), at + "/" + i, out);
            }
        }
    }

    private static String mutateTokenizer(Path file, SplittableRandom r) throws IOException {
        return switch (r.nextInt(4)) {
            case 0 -> {
                String[] whole = {"", "{}", "[]", "null", "{\"model\": {\"type\": \"BPE\", \"vocab\": []}}", "\u00ff\u00fe"};
                String w = whole[r.nextInt(whole.length)];
                Files.writeString(file, w);
                yield "replaced by " + FuzzCases.shorten(JSON.getNodeFactory().textNode(w).toString());
            }
            case 1 -> "random bytes: " + mutateBytes(file, r);
            default -> mutateJson(file, r);
        };
    }

    // ---- binary files

    /** Truncates, empties or overwrites bytes of a binary file; says which. */
    private static String mutateBytes(Path file, SplittableRandom r) throws IOException {
        byte[] b = Files.readAllBytes(file);
        switch (r.nextInt(4)) {
            case 0 -> {
                int cut = r.nextInt(b.length);
                Files.write(file, Arrays.copyOf(b, cut));
                return "cut at byte " + cut + " of " + b.length;
            }
            case 1 -> {
                Files.write(file, new byte[0]);
                return "empty";
            }
            case 2 -> {
                int at = r.nextInt(Math.min(b.length, 256));
                for (int k = 0; k < 8 && at + k < b.length; k++) {
                    b[at + k] = (byte) r.nextInt(256);
                }
                Files.write(file, b);
                return "8 random bytes at " + at;
            }
            default -> {
                for (int k = 0; k < 50; k++) {
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                }
                Files.write(file, b);
                return "50 random bytes";
            }
        }
    }

    /**
     * One mutation of a safetensors file (8-byte little-endian header length, JSON header, data):
     * the header length, a tensor's offsets, shape or dtype, a missing or extra tensor, header
     * garbage, a cut; or every float32 tensor stored as bf16 (valid: it must load, widened).
     */
    static String mutateSafetensors(Path file, SplittableRandom r) throws IOException {
        byte[] b = Files.readAllBytes(file);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) bb.getLong(0);
        ObjectNode header = (ObjectNode) JSON.readTree(new String(b, 8, n, StandardCharsets.UTF_8));
        byte[] data = Arrays.copyOfRange(b, 8 + n, b.length);
        List<String> names = new ArrayList<>();
        header.fieldNames().forEachRemaining(k -> {
            if (!k.equals("__metadata__")) {
                names.add(k);
            }
        });
        String name = names.get(r.nextInt(names.size()));
        ObjectNode t = (ObjectNode) header.get(name);
        String mutation;
        switch (r.nextInt(10)) {
            case 0 -> {
                long[] lengths = {0, -1, 7, n - 1, n + 1, b.length, 1L << 31, 1L << 62, Long.MAX_VALUE, Long.MIN_VALUE};
                long len = lengths[r.nextInt(lengths.length)];
                bb.putLong(0, len);
                Files.write(file, b);
                return "header length " + len;
            }
            case 1 -> {
                int cut = r.nextInt(b.length);
                Files.write(file, Arrays.copyOf(b, cut));
                return "cut at byte " + cut + " of " + b.length;
            }
            case 2 -> {
                long begin = t.get("data_offsets").get(0).asLong();
                long end = t.get("data_offsets").get(1).asLong();
                long[][] offsets = {{-8, end - begin - 8}, {begin, Long.MAX_VALUE}, {end, begin}, {begin + 4, end + 4},
                    {Long.MIN_VALUE, Long.MIN_VALUE + end - begin}, {begin, end + (1L << 62)}, {0, end - begin}};
                long[] o = offsets[r.nextInt(offsets.length)];
                t.putArray("data_offsets").add(o[0]).add(o[1]);
                mutation = name + " data_offsets [" + o[0] + ", " + o[1] + "]";
            }
            case 3 -> {
                JsonNode shape = t.get("shape");
                long last = shape.get(shape.size() - 1).asLong();
                long[][] shapes = {{-1, -last}, {1L << 32, 1L << 32, 0}, {0}, {}, {last + 1}, {1L << 62, 4}, {-2, -2, -last}};
                long[] s = shapes[r.nextInt(shapes.length)];
                ArrayNode a = t.putArray("shape");
                for (long d : s) {
                    a.add(d);
                }
                mutation = name + " shape " + a;
            }
            case 4 -> {
                String[] types = {"BF16", "F16", "F64", "I64", "I32", "U8", "BOOL", "F8_E4M3", "Q4", "", "f32"};
                String type = types[r.nextInt(types.length)];
                t.put("dtype", type);
                mutation = name + " dtype " + type + " (shape and offsets kept)";
            }
            case 5 -> {
                // bf16 or f16 with a shape that fits the bytes: only the shape check against the config can catch it
                String type = r.nextBoolean() ? "BF16" : "F16";
                t.put("dtype", type);
                ArrayNode shape = (ArrayNode) t.get("shape");
                shape.set(shape.size() - 1, JSON.getNodeFactory().numberNode(shape.get(shape.size() - 1).asLong() * 2));
                mutation = name + " " + type + " with shape " + shape;
            }
            case 6 -> {
                header.remove(name);
                mutation = "without tensor " + name;
            }
            case 7 -> {
                ObjectNode extra = header.putObject("model.extra.weight");
                extra.put("dtype", "F32");
                extra.putArray("shape").add(1);
                extra.putArray("data_offsets").add(0).add(4);
                mutation = "with an unknown tensor";
            }
            case 8 -> {
                String[] headers = {"[]", "null", "{\"a\": 1}", "{\"a\": {\"dtype\": \"F32\"}}", "{", "\u0000".repeat(16),
                    "{\"__metadata__\": " + "[".repeat(2000) + "]".repeat(2000) + "}"};
                String h = headers[r.nextInt(headers.length)];
                return writeSafetensors(file, h, data) + "header " + FuzzCases.shorten(JSON.getNodeFactory().textNode(h).toString());
            }
            default -> {
                writeBf16(file, header, data);
                return "every tensor as bf16 (valid)";
            }
        }
        return writeSafetensors(file, header.toString(), data) + mutation;
    }

    private static String writeSafetensors(Path file, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h).put(data);
        Files.write(file, out.array());
        return "";
    }

    /** Rewrites every F32 tensor of a safetensors file as bf16 (the upper half of each float), as Hugging Face weights often come. */
    public static void rewriteAsBf16(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        int n = (int) ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        writeBf16(file, (ObjectNode) JSON.readTree(new String(b, 8, n, StandardCharsets.UTF_8)), Arrays.copyOfRange(b, 8 + n, b.length));
    }

    private static void writeBf16(Path file, ObjectNode header, byte[] data) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(data.length / 2).order(ByteOrder.LITTLE_ENDIAN);
        List<Map.Entry<String, JsonNode>> tensors = new ArrayList<>();
        header.fields().forEachRemaining(tensors::add);
        tensors.sort((a, c) -> Long.compare(a.getValue().path("data_offsets").path(0).asLong(), c.getValue().path("data_offsets").path(0).asLong()));
        for (Map.Entry<String, JsonNode> e : tensors) {
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            ObjectNode t = (ObjectNode) e.getValue();
            long begin = t.get("data_offsets").get(0).asLong();
            long end = t.get("data_offsets").get(1).asLong();
            long start = out.position();
            for (long i = begin; i < end; i += 4) {
                out.putShort((short) (Float.floatToRawIntBits(in.getFloat((int) i)) >>> 16));
            }
            t.put("dtype", "BF16");
            t.putArray("data_offsets").add(start).add(out.position());
        }
        writeSafetensors(file, header.toString(), Arrays.copyOf(out.array(), out.position()));
    }

    /** Copies the folder {@code from} with everything in it to {@code to} (which must not exist). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
