package org.notmono.training.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The folder of run folders the app watches: every sub-folder with a {@code config.json} is a run. */
public final class RunsRoot {
    private RunsRoot() {
    }

    /** The run folders directly under {@code root}, by name; none when the folder does not exist. */
    public static List<Path> runs(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("config.json"))).sorted().toList();
        }
    }

    /** Steps of the run's complete checkpoints ({@code checkpoints/step-N/model.json}), ascending. */
    public static List<Long> checkpoints(Path run) throws IOException {
        Path dir = run.resolve("checkpoints");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("step-\\d+") && Files.isRegularFile(dir.resolve(n).resolve("model.json")))
                    .map(n -> Long.parseLong(n.substring(5))).sorted().toList();
        }
    }
}
