package org.notmono.training.sapo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code rollouts.jsonl} in a Stage 4 run: one {@link RolloutRecord} per line, appended a whole line
 * at a time. Reading skips a line that is not a complete record (a kill mid-write) and counts it.
 */
public final class RolloutsLog {
    /** The file's name in a run folder. */
    public static final String FILE = "rollouts.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RolloutsLog() {
    }

    /** Appends {@code records} to {@code file}. */
    public static void append(Path file, List<RolloutRecord> records) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (RolloutRecord r : records) {
            sb.append(JSON.writeValueAsString(r)).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * What a file holds.
     *
     * @param records the complete records, in file order
     * @param skipped lines that were not a complete record
     */
    public record Contents(List<RolloutRecord> records, int skipped) {
    }

    /** Reads {@code file} (an absent file holds nothing). */
    public static Contents read(Path file) throws IOException {
        List<RolloutRecord> records = new ArrayList<>();
        int skipped = 0;
        if (!Files.exists(file)) {
            return new Contents(records, 0);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    records.add(JSON.readValue(line, RolloutRecord.class));
                } catch (IOException e) {
                    skipped++;
                }
            }
        }
        return new Contents(records, skipped);
    }

    /** Drops the records after {@code step} (and torn lines), so a resumed run logs no step twice. */
    public static void truncateAfter(Path file, long step) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<RolloutRecord> kept = read(file).records().stream().filter(r -> r.step() <= step).toList();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        append(tmp, kept);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
