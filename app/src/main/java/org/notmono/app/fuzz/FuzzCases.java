package org.notmono.app.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;

/**
 * Makes fuzzed command lines: valid inputs (a short FOA clip, a dry clip, a small scene) with
 * one mutation each, the kinds that broke the commands before (issue 17): WAV headers with odd
 * rates, channel counts, sizes and codecs, truncated or padded files, NaN, infinite and huge
 * samples; scene values out of range, non-finite, huge, of the wrong type, missing or unknown,
 * deeply nested JSON, non-UTF-8 bytes, trailing garbage; paths that are folders, devices, links
 * or hold a NUL; absurd options. Case {@code i} of seed {@code s} is always the same.
 */
public final class FuzzCases implements CaseSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FS = 16000;

    /** Number tokens that break naive range checks; some are not even JSON. */
    static final String[] NUMBERS = {"-1", "0", "-0.0", "1e-300", "1e308", "-1e308", "1e999", "-1e999", "NaN",
        "Infinity", "3.5", "1e6", "2147483648", "-2147483649", "\"12\"", "null", "[]", "{}", "true", "1".repeat(2000)};
    /** Strings for ids, clips, names. */
    static final String[] TEXTS = {"", " ", "a\u0000b", "line\nbreak", ".", "..", "/dev/zero", "/dev/null", "/",
        "assets:nope/none.wav", "assets:../../etc/passwd", "x".repeat(100_000), "caf\u00e9 \u2603", "test:nothing"};
    private static final String[] NUMBER_FIELDS = {"/sampleRate", "/duration", "/room/size/0", "/room/size/2", "/room/absorption",
        "/room/maxOrder", "/receiver/position/0", "/receiver/position/2", "/receiver/yaw", "/receiver/pitch",
        "/sources/0/gainDb", "/sources/0/onset", "/sources/0/position/1", "/background/snrDb"};
    private static final String[] TEXT_FIELDS = {"/format", "/sources/0/id", "/sources/0/clip", "/sources/0/class", "/room/tail",
        "/background/type"};

    private final long seed;

    public FuzzCases(long seed) {
        this.seed = seed;
    }

    /** Writes case {@code index}'s inputs into {@code folder} (which exists and is empty) and returns the case. */
    @Override
    public FuzzCase make(int index, Path folder) throws IOException {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        int pick = r.nextInt(100);
        if (pick < 35) {
            return sceneCase(index, folder, r);
        } else if (pick < 50) {
            return clipCase(index, folder, r);
        } else if (pick < 65) {
            return wavCase(index, folder, r, "analyze");
        } else if (pick < 75) {
            return wavCase(index, folder, r, "spectrogram");
        } else if (pick < 80) {
            return wavCase(index, folder, r, "binaural");
        } else if (pick < 85) {
            return wavCase(index, folder, r, "acoustics");
        } else if (pick < 92) {
            return rirCase(index, folder, r);
        }
        return outputCase(index, folder, r);
    }

    // ---- scenes

    private static ObjectNode scene() {
        ObjectNode s = JSON.createObjectNode();
        s.put("format", "notmono.scene/1");
        s.put("sampleRate", FS);
        s.put("duration", 0.5);
        ObjectNode room = s.putObject("room");
        room.putArray("size").add(5.0).add(4.0).add(3.0);
        room.put("absorption", 0.3);
        room.put("maxOrder", 3);
        room.put("tail", "none");
        ObjectNode rcv = s.putObject("receiver");
        rcv.putArray("position").add(3.0).add(2.0).add(1.5);
        rcv.put("yaw", 0.0);
        rcv.put("pitch", 0.0);
        ObjectNode src = s.putArray("sources").addObject();
        src.put("id", "s1");
        src.put("clip", "clip.wav");
        src.put("class", "noise");
        src.put("gainDb", -3.0);
        src.put("onset", 0.05);
        src.putArray("position").add(1.5).add(2.5).add(1.2);
        ObjectNode bg = s.putObject("background");
        bg.put("type", "diffuse-noise");
        bg.put("snrDb", 30.0);
        return s;
    }

    private FuzzCase sceneCase(int index, Path folder, SplittableRandom r) throws IOException {
        writeClip(folder.resolve("clip.wav"), r, false);
        ObjectNode s = scene();
        String text = s.toString();
        String mutation;
        switch (r.nextInt(12)) {
            case 0, 1, 2 -> {
                String field = NUMBER_FIELDS[r.nextInt(NUMBER_FIELDS.length)];
                String value = NUMBERS[r.nextInt(NUMBERS.length)];
                text = replaceValue(s, field, value);
                mutation = field + " = " + shorten(value);
            }
            case 3, 4 -> {
                String field = TEXT_FIELDS[r.nextInt(TEXT_FIELDS.length)];
                String value = TEXTS[r.nextInt(TEXTS.length)];
                text = replaceValue(s, field, JSON.getNodeFactory().textNode(value).toString());
                mutation = field + " = " + shorten(JSON.getNodeFactory().textNode(value).toString());
            }
            case 5 -> {
                String field = r.nextBoolean() ? NUMBER_FIELDS[r.nextInt(NUMBER_FIELDS.length)] : TEXT_FIELDS[r.nextInt(TEXT_FIELDS.length)];
                remove(s, field);
                text = s.toString();
                mutation = "without " + field;
            }
            case 6 -> {
                int depth = 500 + r.nextInt(5000);
                text = "{\"format\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
                mutation = "nested " + depth + " deep";
            }
            case 7 -> {
                String[] tails = {" garbage", " {}", "\u0000", ",", "]"};
                String tail = tails[r.nextInt(tails.length)];
                text = text + tail;
                mutation = "trailing " + shorten(JSON.getNodeFactory().textNode(tail).toString());
            }
            case 8 -> {
                int cut = r.nextInt(text.length());
                text = text.substring(0, cut);
                mutation = "cut at " + cut;
            }
            case 9 -> {
                ((ObjectNode) s.at(r.nextBoolean() ? "/room" : "/sources/0")).put("extra", 1);
                text = s.toString();
                mutation = "unknown field";
            }
            case 10 -> {
                ObjectNode room = (ObjectNode) s.get("room");
                room.remove("absorption");
                text = replaceValue(s, "/room/rt60", NUMBERS[r.nextInt(NUMBERS.length)]);
                mutation = "rt60 instead of absorption";
            }
            default -> {
                ArrayNode sources = (ArrayNode) s.get("sources");
                switch (r.nextInt(3)) {
                    case 0 -> sources.add(sources.get(0).deepCopy());
                    case 1 -> sources.removeAll();
                    default -> {
                        ObjectNode src = (ObjectNode) sources.get(0);
                        src.remove("position");
                        ArrayNode t = src.putArray("trajectory");
                        t.addObject().put("t", 0.0).putArray("position").add(1.5).add(2.5).add(1.2);
                        t.addObject().put("t", r.nextBoolean() ? 1e-300 : 0.4).putArray("position").add(1.5).add(1.0).add(1.2);
                    }
                }
                text = s.toString();
                mutation = "sources: " + shorten(sources.toString());
            }
        }
        Path file = folder.resolve("s.scene.json");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(12) == 0) {
            bytes[r.nextInt(Math.max(1, bytes.length))] = (byte) (0x80 | r.nextInt(0x40)); // a stray continuation byte
            mutation += ", not UTF-8";
        }
        Files.write(file, bytes);
        Path out = folder.resolve("out.wav");
        return new FuzzCase(index, "render", mutation, List.of("render", file.toString(), "-o", out.toString()), folder,
                List.of(out, folder.resolve("out.rtsd.json")), List.of());
    }

    /** The scene's JSON with the value at {@code pointer} replaced by the raw token {@code value} (which may be invalid JSON). */
    static String replaceValue(ObjectNode s, String pointer, String value) {
        String marker = "\"@@FUZZ@@\"";
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = s.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.put(key, "@@FUZZ@@");
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(key), JSON.getNodeFactory().textNode("@@FUZZ@@"));
        } else {
            return s.toString();
        }
        return s.toString().replace(marker, value);
    }

    static void remove(ObjectNode s, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = s.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.remove(key);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(key));
        }
    }

    // ---- WAVs

    /** A valid scene whose clip is a mutated WAV. */
    private FuzzCase clipCase(int index, Path folder, SplittableRandom r) throws IOException {
        Path clip = folder.resolve("clip.wav");
        writeClip(clip, r, r.nextBoolean());
        String mutation = mutateWav(clip, r);
        Path file = folder.resolve("s.scene.json");
        Files.writeString(file, scene().toString());
        Path out = folder.resolve("out.wav");
        return new FuzzCase(index, "render", "clip: " + mutation, List.of("render", file.toString(), "-o", out.toString()), folder,
                List.of(out, folder.resolve("out.rtsd.json")), List.of());
    }

    private FuzzCase wavCase(int index, Path folder, SplittableRandom r, String command) throws IOException {
        Path wav = folder.resolve("in.wav");
        if (command.equals("acoustics") && r.nextBoolean()) {
            writeClip(wav, r, true);
        } else {
            writeFoa(wav, r);
        }
        String mutation = mutateWav(wav, r);
        List<String> args = new ArrayList<>(List.of(command, wav.toString()));
        List<Path> outputs = new ArrayList<>();
        switch (command) {
            case "analyze" -> args.add("--json");
            case "spectrogram" -> {
                Path png = folder.resolve("out.png");
                args.addAll(List.of("-o", png.toString(), "--width", "200", "--height", "40"));
                outputs.add(png);
                if (r.nextInt(3) == 0) {
                    String[][] options = {{"--window", "1073741824"}, {"--window", "3"}, {"--hop", "0"}, {"--height", "2100"},
                        {"--width", "-5"}, {"--range", "NaN"}, {"--gain", "Infinity"}, {"--scale", "weird"}, {"--window", "65536"}};
                    String[] o = options[r.nextInt(options.length)];
                    args.addAll(List.of(o));
                    mutation += ", " + String.join(" ", o);
                }
            }
            case "binaural" -> {
                Path out = folder.resolve("out.wav");
                args.addAll(List.of("-o", out.toString()));
                if (r.nextInt(3) > 0) {
                    args.add("--stereo"); // the KEMAR decode loads its HRTF set per run: keep most cases cheap
                }
                outputs.add(out);
                if (r.nextInt(4) == 0) {
                    args.addAll(List.of("--yaw", r.nextBoolean() ? "NaN" : "1e308"));
                    mutation += ", odd yaw";
                }
            }
            default -> {
            }
        }
        return new FuzzCase(index, command, mutation, args, folder, outputs, List.of());
    }

    private static void writeFoa(Path file, SplittableRandom r) throws IOException {
        float[][] x = new float[4][FS / 2];
        double[] g = {1, Math.sin(1.0) * Math.cos(0.2), Math.sin(0.2), Math.cos(1.0) * Math.cos(0.2)};
        for (int i = 0; i < x[0].length; i++) {
            double s = 0.1 * r.nextGaussian();
            for (int c = 0; c < 4; c++) {
                x[c][i] = (float) (g[c] * s);
            }
        }
        Wav.write(file, new AudioClip(FS, x), SampleEncoding.FLOAT_32);
    }

    private static void writeClip(Path file, SplittableRandom r, boolean asFloat) throws IOException {
        float[] x = new float[FS * 3 / 10];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.2 * r.nextGaussian() * Math.exp(-8.0 * i / x.length));
        }
        Wav.write(file, AudioClip.mono(FS, x), asFloat ? SampleEncoding.FLOAT_32 : SampleEncoding.PCM_16);
    }

    /** Applies one mutation to a WAV written by {@link org.notmono.audio.WavWriter}; says which. */
    static String mutateWav(Path wav, SplittableRandom r) throws IOException {
        byte[] b = Files.readAllBytes(wav);
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        boolean isFloat = h.getShort(20) == (short) 0xFFFE ? h.getShort(44) == 3 : h.getShort(20) == 3;
        int data = dataOffset(b);
        String mutation;
        switch (r.nextInt(10)) {
            case 0 -> {
                int[] rates = {0, 1, 2, 999, 1000, 768_000, 768_001, -1, Integer.MAX_VALUE};
                int rate = rates[r.nextInt(rates.length)];
                h.putInt(24, rate);
                mutation = "rate " + rate;
            }
            case 1 -> {
                int[] channels = {0, 1, 2, 3, 5, 1024, 1025, 65535};
                int ch = channels[r.nextInt(channels.length)];
                h.putShort(22, (short) ch);
                boolean align = r.nextBoolean();
                if (align) {
                    h.putShort(32, (short) (ch * Short.toUnsignedInt(h.getShort(34)) / 8));
                }
                mutation = ch + " channels" + (align ? "" : ", block align kept");
            }
            case 2 -> {
                int[] bits = {0, 1, 8, 12, 24, 64, 65535};
                int v = bits[r.nextInt(bits.length)];
                h.putShort(34, (short) v);
                mutation = v + " bits";
            }
            case 3 -> {
                int cut = r.nextInt(b.length);
                b = java.util.Arrays.copyOf(b, cut);
                mutation = "cut at byte " + cut;
            }
            case 4 -> {
                int extra = 1 + r.nextInt(5000);
                byte[] longer = java.util.Arrays.copyOf(b, b.length + extra);
                for (int i = b.length; i < longer.length; i++) {
                    longer[i] = (byte) r.nextInt(256);
                }
                b = longer;
                mutation = extra + " garbage bytes appended";
            }
            case 5 -> {
                int[] sizes = {0, -1, 1, Integer.MAX_VALUE, b.length * 2};
                int size = sizes[r.nextInt(sizes.length)];
                int at = r.nextBoolean() ? 4 : data - 4;
                h.putInt(at, size);
                mutation = (at == 4 ? "RIFF" : "data") + " size " + size;
            }
            case 6 -> {
                int at = r.nextInt(Math.min(b.length, data));
                b[at] = (byte) r.nextInt(256);
                mutation = "header byte " + at + " = " + (b[at] & 0xFF);
            }
            case 7 -> {
                for (int k = 0; k < 1 + r.nextInt(200); k++) {
                    b[data + r.nextInt(b.length - data)] = (byte) r.nextInt(256);
                }
                mutation = "random data bytes";
            }
            case 8 -> {
                if (!isFloat) {
                    return "unchanged (PCM)";
                }
                float[] bad = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e38f, -3e38f, 1e-45f};
                float v = bad[r.nextInt(bad.length)];
                int at = data + 4 * r.nextInt((b.length - data) / 4);
                h.putFloat(at, v);
                mutation = "sample " + v;
            }
            default -> {
                if (!isFloat) {
                    return "unchanged (PCM)";
                }
                float scale = r.nextBoolean() ? 1e20f : 1e-20f;
                for (int at = data; at + 4 <= b.length; at += 4) {
                    h.putFloat(at, h.getFloat(at) * scale);
                }
                mutation = "scaled by " + scale;
            }
        }
        Files.write(wav, b);
        return mutation;
    }

    /** Where the samples start in a file our writer made: after the "data" id and size. */
    private static int dataOffset(byte[] b) {
        for (int i = 12; i + 8 <= b.length; i++) {
            if (b[i] == 'd' && b[i + 1] == 'a' && b[i + 2] == 't' && b[i + 3] == 'a') {
                return i + 8;
            }
        }
        return 44;
    }

    // ---- options and paths

    /** An RIR whose options are valid but one (or, one time in four, none). */
    private FuzzCase rirCase(int index, Path folder, SplittableRandom r) {
        String[][] choices = {
            {"--room", "6,5,3", "1e6,1e6,1e6", "NaN,5,3", "6,5,Infinity", "0,5,3", "-6,5,3", "6,5", "1e308,1e308,1e308", "a,b,c"},
            {"--source", "2,3,1.5", "NaN,3,1.5", "1e308,3,1.5", "2,3", "6,5,3"},
            {"--order", "3", "-1", "201", "99999999999", "x"},
            {"--absorption", "0.2", "0", "1e-300", "NaN", "2", "-0.5"},
            {"--fs", "16000", "999", "999999999", "0"},
            {"--yaw", "0", "NaN", "1e308", "-Infinity"},
        };
        int mutated = r.nextInt(4) == 0 ? -1 : r.nextInt(choices.length);
        List<String> args = new ArrayList<>(List.of("rir", "--receiver", "4,2,1.7"));
        String mutation = "valid";
        for (int k = 0; k < choices.length; k++) {
            String value = k == mutated ? choices[k][2 + r.nextInt(choices[k].length - 2)] : choices[k][1];
            args.addAll(List.of(choices[k][0], value));
            if (k == mutated) {
                mutation = choices[k][0] + " " + value;
            }
        }
        Path out = folder.resolve(r.nextBoolean() ? "rir.wav" : "rir.f32");
        args.addAll(List.of("-o", out.toString()));
        return new FuzzCase(index, "rir", mutation, args, folder, List.of(out), List.of());
    }

    /** A valid scene rendered to an output path that is a folder, missing, a link, a device, or holds a NUL. */
    private FuzzCase outputCase(int index, Path folder, SplittableRandom r) throws IOException {
        writeClip(folder.resolve("clip.wav"), r, false);
        Path scene = folder.resolve("s.scene.json");
        Files.writeString(scene, scene().toString());
        List<Path> preexisting = new ArrayList<>();
        String out;
        String mutation;
        switch (r.nextInt(6)) {
            case 0 -> {
                out = Files.createDirectories(folder.resolve("out.wav")).toString();
                mutation = "-o a folder";
                preexisting.add(Path.of(out));
            }
            case 1 -> {
                out = folder.resolve("missing/out.wav").toString();
                mutation = "-o into a missing folder";
            }
            case 2 -> {
                Path real = Files.writeString(folder.resolve("real.wav"), "old");
                out = Files.createSymbolicLink(folder.resolve("out.wav"), real.getFileName()).toString();
                mutation = "-o a link to a file";
                preexisting.add(real);
                preexisting.add(Path.of(out));
            }
            case 3 -> {
                out = Files.createSymbolicLink(folder.resolve("out.wav"), Path.of("gone.wav")).toString();
                mutation = "-o a dangling link";
                preexisting.add(Path.of(out));
            }
            case 4 -> {
                out = "/dev/null";
                mutation = "-o /dev/null";
                preexisting.add(Path.of(out));
            }
            default -> {
                out = folder + "/o\u0000ut.wav"; // no Path can hold it: the string goes to the command line as it is
                mutation = "-o with a NUL";
            }
        }
        String[] scenes = {scene.toString(), folder.toString(), "/dev/zero", folder.resolve("none.scene.json").toString(), "a\u0000b"};
        String scenePath = r.nextInt(3) == 0 ? scenes[1 + r.nextInt(scenes.length - 1)] : scene.toString();
        if (!scenePath.equals(scene.toString())) {
            mutation += ", scene " + shorten(scenePath.replace("\u0000", "\\0"));
        }
        List<Path> outputs = out.contains("\u0000") || out.equals("/dev/null") ? List.of()
                : List.of(Path.of(out), folder.resolve("out.rtsd.json"));
        return new FuzzCase(index, "render", mutation, List.of("render", scenePath, "-o", out), folder, outputs, preexisting);
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
