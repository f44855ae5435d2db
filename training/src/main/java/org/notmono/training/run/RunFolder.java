package org.notmono.training.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.cli.InputException;
import org.notmono.model.engine.EngineReport;

/**
 * A run folder (DESIGN.md): {@code config.json} (with the engine's {@code environment}), {@code status.json}, {@code metrics.jsonl}
 * (one JSON object per step), {@code log.txt} and {@code checkpoints/step-N/}.
 */
public final class RunFolder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final String stage;
    private long plannedSteps;

    private RunFolder(Path dir, String stage) {
        this.dir = dir;
        this.stage = stage;
    }

    /** A new run folder {@code runs/<stage>-<time>/} (a suffix keeps two runs started in one second apart). */
    public static RunFolder create(Path runs, String stage, JsonNode config) throws IOException {
        Files.createDirectories(runs);
        String base = stage + "-" + STAMP.format(Instant.now());
        Path dir = runs.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = runs.resolve(base + "-" + i);
        }
        Files.createDirectories(dir.resolve("checkpoints"));
        RunFolder run = new RunFolder(dir, stage);
        writeAtomically(dir.resolve("config.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(withEnvironment(config)));
        return run;
    }

    /** The config with an {@code environment} block: what the engine ran on ({@link EngineReport}, as {@code notmono doctor} shows it). */
    private static JsonNode withEnvironment(JsonNode config) {
        if (!config.isObject() || config.has("environment")) {
            return config;
        }
        ObjectNode stamped = ((ObjectNode) config).deepCopy();
        stamped.set("environment", EngineReport.collect().toJson());
        return stamped;
    }

    /** An existing run, to resume. */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            throw new InputException(dir + " is not a run folder (no config.json)");
        }
        JsonNode status = Files.isRegularFile(dir.resolve("status.json")) ? MAPPER.readTree(dir.resolve("status.json").toFile()) : null;
        String stage = status == null ? dir.getFileName().toString().replaceAll("-.*", "") : status.path("stage").asText();
        return new RunFolder(dir, stage);
    }

    /**
     * {@code --resume DIR} for a {@code stage} command: the run, or an {@link InputException} naming
     * the command that continues it when it is another stage's run.
     */
    public static RunFolder openToResume(Path dir, String stage) throws IOException {
        RunFolder run = open(dir);
        if (!run.stage().equals(stage)) {
            throw new InputException("--resume " + dir + " is a " + run.stage() + " run; continue it with 'notmono train " + run.stage()
                    + " --resume'");
        }
        return run;
    }

    public Path dir() {
        return dir;
    }

    public String stage() {
        return stage;
    }

    public JsonNode config() throws IOException {
        return MAPPER.readTree(dir.resolve("config.json").toFile());
    }

    public Path checkpoint(long step) {
        return dir.resolve("checkpoints").resolve("step-" + step);
    }

    /** The complete checkpoint with the highest step, if any. */
    public Optional<Long> latestCheckpointStep() throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(checkpoints)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("step-\\d+") && Files.isRegularFile(checkpoints.resolve(n).resolve("model.json")))
                    .map(n -> Long.parseLong(n.substring(5)))
                    .max(Long::compare);
        }
    }

    /**
     * Deletes {@code file} (an optimizer state, as large as twice the trained weights) from every
     * checkpoint before {@code step}: a run resumes from its newest checkpoint, so only that one needs it.
     */
    public void dropOptimizerStatesBefore(long step, String file) throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        try (Stream<Path> s = Files.list(checkpoints)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("step-\\d+")
                    && Long.parseLong(p.getFileName().toString().substring(5)) < step).toList()) {
                Files.deleteIfExists(p.resolve(file));
            }
        }
    }

    /** The run's planned number of steps, written to status.json from now on (readers show progress and an ETA). */
    public void plannedSteps(long total) {
        this.plannedSteps = total;
    }

    /**
     * status.json: state ("running", "finished", "stopped", "failed"), step, epoch, a message and
     * this process's pid; a reader that finds "running" with a dead pid knows the run is stale.
     */
    public void status(String state, long step, int epoch, String message) throws IOException {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("stage", stage);
        s.put("state", state);
        s.put("globalStep", step);
        if (plannedSteps > 0) {
            s.put("totalSteps", plannedSteps);
        }
        s.put("epoch", epoch);
        s.put("message", message);
        s.put("updated", Instant.now().toString());
        s.put("pid", ProcessHandle.current().pid());
        writeAtomically(dir.resolve("status.json"), MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(s));
    }

    /** Appends one step's record to metrics.jsonl. */
    public void metrics(long step, int epoch, Map<String, Float> metrics) throws IOException {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("stage", stage);
        r.put("globalStep", step);
        r.put("epoch", epoch);
        r.put("wallTime", System.currentTimeMillis() / 1000.0);
        ObjectNode m = r.putObject("metrics");
        metrics.forEach((k, v) -> m.put(k, Float.isFinite(v) ? v : null));
        Files.writeString(dir.resolve("metrics.jsonl"), MAPPER.writeValueAsString(r) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Drops metric records after {@code step}, so a resumed run logs no step twice. A line that is
     * not a JSON record (torn by a kill mid-write) is dropped with a warning in log.txt and on stderr.
     */
    public void truncateMetricsAfter(long step) throws IOException {
        Path file = dir.resolve("metrics.jsonl");
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode record = readRecord(line);
            if (record == null) {
                String warning = "warning: metrics.jsonl line " + (i + 1) + " is not a complete record (a kill mid-write?); dropped";
                System.err.println(warning);
                log(warning);
            } else if (record.path("globalStep").asLong() <= step) {
                kept.add(line);
            }
        }
        writeAtomically(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
    }

    /** A metrics line as JSON, or null when it is not a whole JSON object with a step. */
    private static JsonNode readRecord(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            return node != null && node.isObject() && node.path("globalStep").isIntegralNumber() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Appends a time-stamped line to log.txt. */
    public void log(String line) throws IOException {
        Files.writeString(dir.resolve("log.txt"), Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
