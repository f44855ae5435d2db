package org.notmono.training.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.LongPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A run's {@code status.json} as a reader sees it, with the liveness of its process taken into
 * account: "running" with a pid that no longer lives is {@link RunState#STALE}.
 *
 * @param totalSteps 0 when the run did not say
 * @param pid        the training process, 0 when unknown
 */
public record RunStatus(String stage, RunState state, long step, long totalSteps, int epoch, String message, long pid,
                        Instant updated) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Whether a process id is alive on this machine (the real process table; tests inject their own). */
    public static final LongPredicate PROCESS_TABLE = pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);

    /** Reads {@code dir/status.json}; a folder without one is {@link RunState#STARTING}. */
    public static RunStatus read(Path dir, LongPredicate alive) throws IOException {
        Path file = dir.resolve("status.json");
        String fallbackStage = dir.getFileName().toString().replaceAll("-.*", "");
        if (!Files.isRegularFile(file)) {
            return new RunStatus(fallbackStage, RunState.STARTING, 0, 0, 0, "no status.json yet", 0, null);
        }
        return of(MAPPER.readTree(file.toFile()), fallbackStage, alive);
    }

    static RunStatus of(JsonNode s, String fallbackStage, LongPredicate alive) {
        long pid = s.path("pid").asLong(0);
        String written = s.path("state").asText("");
        RunState state = switch (written) {
            case "running" -> pid > 0 && alive.test(pid) ? RunState.RUNNING : RunState.STALE;
            case "finished" -> RunState.FINISHED;
            case "stopped" -> RunState.STOPPED;
            case "failed" -> RunState.FAILED;
            default -> RunState.STALE;
        };
        String message = s.path("message").asText("");
        if (state == RunState.STALE) {
            message = "its process " + (pid > 0 ? pid + " " : "") + "is gone without finishing (killed?); resume continues from the last checkpoint";
        }
        Instant updated = null;
        try {
            updated = s.hasNonNull("updated") ? Instant.parse(s.get("updated").asText()) : null;
        } catch (RuntimeException e) {
            // an unreadable time only loses the "updated" column
        }
        return new RunStatus(s.path("stage").asText(fallbackStage), state, s.path("globalStep").asLong(0),
                s.path("totalSteps").asLong(0), s.path("epoch").asInt(0), message, pid, updated);
    }
}
