package org.notmono.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.notmono.app.CliExit;
import org.notmono.app.cli.CommandLineRunner;
import org.notmono.audio.WavFormat;
import org.notmono.audio.WavReader;
import org.notmono.sim.render.RenderOutput;

/**
 * Runs fuzzed command lines in this process, each within a time budget, and judges each run by
 * the command line's contract: exit 2 with one line on stderr and no output file, or exit 0
 * with complete outputs that hold only finite numbers; never a stack trace, a hang or a
 * temporary file left behind. Cases run one after another: the commands print to
 * {@code System.out}, which is captured per case.
 */
public final class CliFuzzer {
    /** JSON exactly as the standard says it: NaN and Infinity tokens are errors. */
    private static final ObjectMapper STRICT = JsonMapper.builder().disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private final Duration budget;

    /** @param budget the longest one case may run before it counts as a hang */
    public CliFuzzer(Duration budget) {
        this.budget = budget;
    }

    /** The cases {@code first .. first + count - 1} of {@code seed}, each in its own folder under {@code work}. */
    public FuzzReport run(long seed, int first, int count, Path work) throws IOException {
        return run(seed, new FuzzCases(seed), first, count, work);
    }

    /** The cases {@code first .. first + count - 1} of {@code cases} (made with {@code seed}), each in its own folder under {@code work}. */
    public FuzzReport run(long seed, CaseSource cases, int first, int count, Path work) throws IOException {
        List<FuzzResult> results = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(daemon());
        PrintStream stdout = System.out;
        try {
            for (int i = first; i < first + count; i++) {
                Path folder = Files.createDirectories(work.resolve("case-" + i));
                FuzzCase c = cases.make(i, folder);
                FuzzResult result = runOne(c, worker);
                if (result.outcome() == FuzzResult.Outcome.HANG) {
                    worker.shutdownNow(); // the stuck thread is a daemon: it cannot keep the JVM alive
                    worker = Executors.newSingleThreadExecutor(daemon());
                }
                results.add(result);
                RenderOutput.deleteRecursively(folder);
            }
        } finally {
            System.setOut(stdout);
            worker.shutdownNow();
        }
        return new FuzzReport(seed, results);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        };
    }

    private FuzzResult runOne(FuzzCase c, ExecutorService worker) throws IOException {
        StringWriter err = new StringWriter();
        StringWriter cliOut = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        long start = System.nanoTime();
        int exit;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Future<Integer> f = worker.submit(() -> CommandLineRunner.run(c.args().toArray(String[]::new),
                    new PrintWriter(cliOut, true), new PrintWriter(err, true)));
            exit = f.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new FuzzResult(c, FuzzResult.Outcome.HANG, -1, err.toString(), "still running after " + budget.toSeconds() + " s", elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            return new FuzzResult(c, FuzzResult.Outcome.TRACE, -1, err.toString(), "escaped: " + e.getCause(), elapsed(start));
        } finally {
            System.setOut(stdout);
        }
        long millis = elapsed(start);
        String problem = judge(c, exit, err.toString(), out.toString(StandardCharsets.UTF_8) + cliOut);
        FuzzResult.Outcome outcome = problem != null ? outcomeOf(exit, err.toString(), problem)
                : exit == CliExit.OK ? FuzzResult.Outcome.DONE : FuzzResult.Outcome.REFUSED;
        return new FuzzResult(c, outcome, exit, err.toString(), problem, millis);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static FuzzResult.Outcome outcomeOf(int exit, String err, String problem) {
        if (isTrace(err)) {
            return FuzzResult.Outcome.TRACE;
        }
        if (problem.startsWith("non-finite")) {
            return FuzzResult.Outcome.NON_FINITE;
        }
        if (problem.startsWith("partial")) {
            return FuzzResult.Outcome.PARTIAL_FILE;
        }
        return exit == CliExit.FAILURE ? FuzzResult.Outcome.EXIT_1 : FuzzResult.Outcome.BROKEN_CONTRACT;
    }

    private static boolean isTrace(String err) {
        return err.contains("\tat ") || err.contains("Exception in thread") || err.contains("java.lang.");
    }

    /** What is wrong with a finished run, or null when it kept the contract. */
    private static String judge(FuzzCase c, int exit, String err, String stdout) throws IOException {
        String leftover = leftovers(c.folder());
        if (leftover != null) {
            return "partial: temporary file " + leftover + " left behind";
        }
        if (exit == CliExit.BAD_INPUT) {
            List<String> lines = err.strip().lines().toList();
            if (lines.size() != 1 || isTrace(err)) {
                return "stderr has " + lines.size() + " lines";
            }
            if (err.strip().endsWith(": null")) {
                return "the refusal says only \"null\""; // an exception without a message reached the user
            }
            for (Path p : c.outputs()) {
                if (!c.preexisting().contains(p) && Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    return "partial: " + p.getFileName() + " written although the input was refused";
                }
            }
            for (Path p : c.preexisting()) {
                if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    return "partial: " + p + " was removed";
                }
            }
            return null;
        }
        if (exit != CliExit.OK) {
            return "exit " + exit + ": " + err.strip();
        }
        if (err.strip().lines().anyMatch(l -> !l.contains("warning: "))) {
            return "exit 0 but stderr says: " + err.strip(); // warnings (a clipping mix, a skipped line) are allowed
        }
        for (Path p : c.outputs()) {
            String bad = checkOutput(p);
            if (bad != null) {
                return bad;
            }
        }
        if (stdout.contains("NaN") || stdout.contains("Infinity")) {
            return "non-finite number printed: " + stdout.strip();
        }
        if (c.target().equals("analyze")) {
            try {
                STRICT.readTree(stdout);
            } catch (IOException e) {
                return "analyze --json printed no valid JSON: " + e.getMessage().lines().findFirst().orElse("");
            }
        }
        return null;
    }

    /** The name of a temporary file left in {@code folder} (or in its sub-folders), or null. */
    private static String leftovers(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part") || n.endsWith(".tmp"))
                    .findFirst().orElse(null);
        }
    }

    /** A written output must be complete and finite: WAV samples, JSON numbers, a readable PNG. */
    private static String checkOutput(Path p) throws IOException {
        if (!Files.exists(p)) {
            return null; // not every listed output is written by every run (rir writes one of .wav or .f32)
        }
        String name = p.getFileName().toString();
        if (name.endsWith(".wav")) {
            try (WavReader reader = WavReader.open(p)) {
                WavFormat f = reader.format();
                float[][] block = new float[f.channels()][4096];
                int n;
                while ((n = reader.read(block, 0, 4096)) > 0) {
                    for (float[] row : block) {
                        for (int i = 0; i < n; i++) {
                            if (!Float.isFinite(row[i])) {
                                return "non-finite sample " + row[i] + " in " + name;
                            }
                        }
                    }
                }
            } catch (IOException e) {
                return "partial: " + name + " is not a readable WAV (" + e.getMessage() + ")";
            }
        } else if (name.endsWith(".json")) {
            String text = Files.readString(p);
            if (text.contains("NaN") || text.contains("Infinity")) {
                return "non-finite number in " + name; // Jackson writes NaN as a string, which strict parsing would accept
            }
            try {
                if (STRICT.readTree(text) == null) {
                    return "partial: " + name + " is empty";
                }
            } catch (IOException e) {
                return "partial: broken JSON in " + name + ": " + e.getMessage().lines().findFirst().orElse("");
            }
        } else if (name.endsWith(".png")) {
            if (ImageIO.read(p.toFile()) == null) {
                return "partial: " + name + " is not a readable PNG";
            }
        } else if (name.endsWith(".f32")) {
            java.nio.FloatBuffer fb = java.nio.ByteBuffer.wrap(Files.readAllBytes(p)).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            while (fb.hasRemaining()) {
                float v = fb.get();
                if (!Float.isFinite(v)) {
                    return "non-finite sample " + v + " in " + name;
                }
            }
        }
        return null;
    }
}
