package org.notmono.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.cli.CommandLineRunner;
import org.notmono.app.fuzz.CliFuzzer;
import org.notmono.app.fuzz.FuzzReport;
import org.notmono.app.fuzz.FuzzResult;
import org.notmono.app.fuzz.LanguageFuzzCases;
import org.notmono.app.fuzz.LanguageInputs;
import org.notmono.model.safetensors.SafeTensorsReader;

/**
 * Keeps issue 17 fixed for the language side. Seeded mutations of a tiny LALM checkpoint, an
 * encoder checkpoint, {@code ask --batch} files and an ASA benchmark folder go through the real
 * command line in this process, and each must end as the contract says (exit 2 with one line and
 * nothing written, or exit 0 with finite output; no trace, no exit 1, no hang, no stray file).
 * Then the defects those cases found, one input each: every one must be refused with exit 2 and
 * one line naming the file or tensor (before: exit 1 with a tokenizer library's or DJL's text,
 * or a message that said only "null"); a checkpoint stored as bf16 must load and answer.
 */
class LanguageFuzzTest {
    private static final long SEED = 17;
    private static final int CASES = 90;
    @TempDir
    static Path dir;
    private static LanguageInputs base;

    @BeforeAll
    static void inputs() throws IOException {
        base = LanguageInputs.create(dir.resolve("base"));
    }

    @Test
    void everyFuzzedLanguageInputKeepsTheContract() throws IOException {
        FuzzReport report = new CliFuzzer(Duration.ofSeconds(60)).run(SEED, new LanguageFuzzCases(SEED, base), 0, CASES,
                Files.createDirectories(dir.resolve("fuzz")));
        String failures = report.failures().stream()
                .map(f -> f.fuzzCase() + "\n  -> " + f.outcome().label() + ": " + f.problem() + "\n  stderr: " + f.stderr().strip())
                .collect(Collectors.joining("\n"));
        assertTrue(report.failures().isEmpty(), report.table() + failures);
        assertEquals(CASES, report.results().size());
        // every command is reached, and both succeeds (valid bf16 checkpoints, tolerated changes) and refuses
        Map<String, Map<FuzzResult.Outcome, Integer>> table = report.byTarget();
        assertEquals(Set.of("ask", "bench asa", "encode"), table.keySet(), report.table());
        for (String command : table.keySet()) {
            assertTrue(table.get(command).getOrDefault(FuzzResult.Outcome.DONE, 0) > 0, command + " never succeeded: " + report.table());
            assertTrue(table.get(command).getOrDefault(FuzzResult.Outcome.REFUSED, 0) > 0, command + " never refused: " + report.table());
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.out;
        System.setOut(new java.io.PrintStream(stdout, true, StandardCharsets.UTF_8)); // ask prints its answer there
        int exit;
        try {
            exit = CommandLineRunner.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        } finally {
            System.setOut(saved);
        }
        return new Run(exit, stdout.toString(StandardCharsets.UTF_8) + out, err.toString());
    }

    private static Path lalmCopy(String name) throws IOException {
        Path copy = dir.resolve(name);
        LanguageFuzzCases.copyTree(base.lalm(), copy);
        return copy;
    }

    private static Run ask(Path checkpoint) {
        return run("ask", "--max-tokens", "2", "--json", "--checkpoint", checkpoint.toString(), base.clip().toString(), "How many?");
    }

    /** A finished answer: --json prints one object with the answer and the span heard. */
    private static void assertAnswered(Run r) throws IOException {
        assertEquals(0, r.exit(), r.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertTrue(json.get("answer").isTextual(), r.out());
        assertEquals(1.0, json.get("heard").get("end").asDouble(), 1e-6, r.out());
    }

    private static void assertRefused(Run r, String names) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(names), "should name " + names + ": " + r.err());
        assertFalse(r.err().contains(": null"), r.err());
    }

    @Test
    void validCheckpointAnswers() throws IOException {
        assertAnswered(ask(base.lalm()));
    }

    @Test
    void checkpointStoredAsBf16IsWidenedAndAnswersAlike() throws IOException {
        Path copy = lalmCopy("lalm-bf16");
        LanguageFuzzCases.rewriteAsBf16(copy.resolve("lm.safetensors"));
        assertTrue(SafeTensorsReader.entries(copy.resolve("lm.safetensors")).stream().allMatch(e -> e.type().name().equals("BF16")));
        assertAnswered(ask(copy));
    }

    @Test
    void batchFileThatIsNotUtf8() throws IOException {
        Files.copy(base.clip(), dir.resolve("clip.wav"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] b = Files.readAllBytes(base.batch());
        b[5] = (byte) 0xC3; // a lead byte followed by ASCII
        Path file = Files.write(dir.resolve("latin.jsonl"), b);
        assertRefused(run("ask", "--batch", file.toString(), "--checkpoint", base.lalm().toString()), "latin.jsonl");
    }

    @Test
    void tokenizerThatIsNotATokenizer() throws IOException {
        String[] texts = {"", "{}", "\u00ff\u00fe", "{\"added_tokens\": [{\"id\": 1, \"single_word\": 1e-300}]}"};
        for (int i = 0; i < texts.length; i++) {
            String text = texts[i];
            Path copy = lalmCopy("lalm-tok-" + i);
            Files.writeString(copy.resolve("tokenizer.json"), text);
            assertRefused(ask(copy), "tokenizer.json");
        }
    }

    @Test
    void projectorWeightsCutShortOrMissing() throws IOException {
        Path copy = lalmCopy("lalm-proj");
        Files.write(copy.resolve("projector.params"), new byte[0]);
        assertRefused(ask(copy), "projector.params");
        byte[] b = Files.readAllBytes(base.lalm().resolve("projector.params"));
        Files.write(copy.resolve("projector.params"), java.util.Arrays.copyOf(b, b.length / 2));
        assertRefused(ask(copy), "projector.params");
        Files.delete(copy.resolve("projector.params"));
        assertRefused(ask(copy), "projector.params");
    }

    @Test
    void encoderWeightsCutShortOrCorrupt() throws IOException {
        Path encoder = dir.resolve("encoder-cut");
        LanguageFuzzCases.copyTree(base.encoder(), encoder);
        Path params = encoder.resolve("encoder-0000.params");
        byte[] b = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(b, b.length / 4));
        assertRefused(run("encode", base.clip().toString(), "--checkpoint", encoder.toString()), "encoder-0000.params");
        for (int at : new int[] {40, 61, 111, 179}) {
            byte[] c = b.clone();
            for (int k = 0; k < 8; k++) {
                c[at + k] = (byte) 0xF7;
            }
            Files.write(params, c);
            Run r = run("encode", base.clip().toString(), "--checkpoint", encoder.toString());
            if (r.exit() != 0) { // a flipped byte inside the data is a valid (different) weight
                assertRefused(r, "encoder-0000.params");
            }
        }
    }

    @Test
    void safetensorsHeaderThatIsNotJsonOrHasImpossibleShapes() throws IOException {
        Path copy = lalmCopy("lalm-header");
        Path file = copy.resolve("lm.safetensors");
        byte[] original = Files.readAllBytes(file);
        int n = (int) ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        String header = new String(original, 8, n, StandardCharsets.UTF_8);
        writeHeader(file, "{", original, n);
        assertRefused(ask(copy), "lm.safetensors");
        // [-1, -32] holds as many elements as [1, 32], and [2^32, 2^32, 0] none: the dimensions themselves are wrong
        String norm = "\"model.norm.weight\":{\"dtype\":\"F32\",\"shape\":[32]";
        assertTrue(header.contains(norm), header);
        writeHeader(file, header.replace(norm, norm.replace("[32]", "[-1,-32]")), original, n);
        assertRefused(ask(copy), "model.norm.weight");
    }

    private static void writeHeader(Path file, String header, byte[] original, int n) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + h.length + original.length - 8 - n).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length).put(h).put(original, 8 + n, original.length - 8 - n);
        Files.write(file, out.array());
    }

    @Test
    void modelJsonThatIsNotStrictJson() throws IOException {
        Path copy = lalmCopy("lalm-json");
        Path json = copy.resolve("model.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\"windowSeconds\" : [0-9.]+", "\"windowSeconds\" : Infinity"));
        assertTrue(Files.readString(json).contains("Infinity"));
        assertRefused(ask(copy), "model.json");
    }

    @Test
    void tensorShapesInModelJsonThatAreNotShapes() throws IOException {
        Path encoder = dir.resolve("encoder-shape");
        LanguageFuzzCases.copyTree(base.encoder(), encoder);
        Path json = encoder.resolve("model.json");
        String text = Files.readString(json);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\w+_weight)\" : \\[ (\\d+)").matcher(text);
        assertTrue(m.find(), text);
        Files.writeString(json, text.substring(0, m.start(2)) + "-1e308" + text.substring(m.end(2)));
        assertRefused(run("encode", base.clip().toString(), "--checkpoint", encoder.toString()), m.group(1));

        Path copy = lalmCopy("lalm-shape");
        json = copy.resolve("model.json");
        text = Files.readString(json);
        int tensors = text.indexOf("\"projectorTensors\"");
        m = java.util.regex.Pattern.compile("\"(\\w+)\" : \\[ (\\d+)").matcher(text);
        assertTrue(m.find(tensors), text);
        Files.writeString(json, text.substring(0, m.start(2)) + "-1e308" + text.substring(m.end(2)));
        assertRefused(ask(copy), m.group(1));
    }

    @Test
    void encoderWeightsThatAreNotFinite() throws IOException {
        Path encoder = dir.resolve("encoder-nan");
        LanguageFuzzCases.copyTree(base.encoder(), encoder);
        Path params = encoder.resolve("encoder-0000.params");
        byte[] b = Files.readAllBytes(params);
        java.util.Arrays.fill(b, b.length / 2, b.length / 2 + 64, (byte) 0xFF); // inside the largest tensor; 0xFFFFFFFF is a NaN float32
        Files.write(params, b);
        Run r = run("encode", base.clip().toString(), "--checkpoint", encoder.toString());
        assertRefused(r, "encoder-0000.params");
        assertTrue(r.err().contains("not finite"), r.err());
    }

    @Test
    void lalmWeightsThatAreNotFinite() throws IOException {
        Path copy = lalmCopy("lalm-nan");
        Path file = copy.resolve("lm.safetensors");
        byte[] b = Files.readAllBytes(file);
        int n = (int) ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        var header = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new String(b, 8, n, StandardCharsets.UTF_8));
        int start = 8 + n + header.get("model.norm.weight").get("data_offsets").get(0).asInt();
        java.util.Arrays.fill(b, start + 4, start + 8, (byte) 0xFF); // the second value: 0xFFFFFFFF is a NaN float32
        Files.write(file, b);
        Run r = ask(copy);
        assertRefused(r, file + ": tensor model.norm.weight holds NaN values");
        Path projector = lalmCopy("lalm-proj-nan").resolve("projector.params");
        byte[] p = Files.readAllBytes(projector);
        java.util.Arrays.fill(p, p.length - 16, p.length - 12, (byte) 0xFF); // a value of the last tensor: NaN in either byte order
        Files.write(projector, p);
        Run q = ask(projector.getParent());
        assertRefused(q, projector + ": projector tensor");
        assertTrue(q.err().contains("holds NaN values"), q.err());
    }

    /**
     * Cases of other seeds than the suite's that broke the contract, replayed: encoder weights whose
     * corrupt bytes are finite but give NaN outputs (seed 1 #59), a benchmark clip cut short under
     * the dsp answerer (seed 1 #32), model.json without the projector's kind (seed 2 #108).
     */
    @Test
    void casesOtherSeedsFound() throws IOException {
        long[][] cases = {{1, 59}, {1, 32}, {2, 108}};
        for (long[] c : cases) {
            FuzzReport report = new CliFuzzer(Duration.ofSeconds(60))
                    .run(c[0], new LanguageFuzzCases(c[0], base), (int) c[1], 1, Files.createDirectories(dir.resolve("replay-" + c[0] + "-" + c[1])));
            FuzzResult r = report.results().getFirst();
            assertTrue(r.ok(), r.fuzzCase() + " -> " + r.problem());
        }
    }
}
