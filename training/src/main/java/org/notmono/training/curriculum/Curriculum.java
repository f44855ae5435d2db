package org.notmono.training.curriculum;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Stream;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.cli.InputException;
import org.notmono.training.run.RunFolder;
import org.notmono.training.sapo.Stage4Trainer;

/**
 * {@code notmono train curriculum}: every stage after the encoder in order (0, 2, 3, 4), each in
 * its own run folder under RUNS and each starting from the last checkpoint of the one before. A
 * stage whose newest run has finished is skipped; an unfinished one is resumed from its newest
 * checkpoint (a Stage 4 run whose checkpoint predates Stage 4's resume is started again); a
 * stopped stage stops the curriculum (run the command again to continue).
 */
public final class Curriculum {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Curriculum() {
    }

    /** How the curriculum ended: the last stage's final checkpoint, or the stage that was stopped. */
    public record Outcome(Path lastCheckpoint, String stoppedIn) {
    }

    /**
     * Runs the stages that are not finished, every model on {@code device} (a resumed stage too,
     * whatever device it was started on); {@code say} hears one line per stage.
     */
    public static Outcome run(CurriculumConfig config, Path data, Path encoder, Path runs, Device device, BooleanSupplier stop,
                              Consumer<String> say) throws IOException {
        Path previous = null;
        for (String stage : SupervisedStage.STAGES) {
            Optional<Path> existing = newestRun(runs, stage);
            if (existing.isPresent() && finished(existing.get())) {
                previous = lastCheckpoint(existing.get());
                say.accept(stage + ": finished in " + existing.get() + ", skipped");
                continue;
            }
            say.accept(stage + (existing.isPresent() ? ": resuming " + existing.get() : ": starting"));
            SupervisedStage.Result result = SupervisedStage.run(new SupervisedStage.Request(stage, config, data,
                    stage.equals("stage0") ? null : previous, encoder, existing.orElse(null), runs, device), stop);
            if (result.outcome().stopped()) {
                say.accept(stage + ": stopped at step " + result.outcome().lastStep() + "; run the curriculum again to continue");
                return new Outcome(null, stage);
            }
            previous = lastCheckpoint(result.run());
            say.accept(stage + ": finished in " + result.run());
        }
        Optional<Path> existing = newestRun(runs, SapoStage.STAGE);
        if (existing.isPresent() && finished(existing.get())) {
            say.accept(SapoStage.STAGE + ": finished in " + existing.get() + ", skipped");
            return new Outcome(lastCheckpoint(existing.get()), null);
        }
        Path[] run = new Path[1];
        Stage4Trainer.Outcome result;
        if (existing.isPresent() && SapoStage.resumable(existing.get())) {
            say.accept(SapoStage.STAGE + ": resuming " + existing.get());
            run[0] = existing.get();
            result = SapoStage.resume(existing.get(), device, stop);
        } else {
            say.accept(SapoStage.STAGE + (existing.isPresent() ? ": " + existing.get() + " unfinished and written before Stage 4 could"
                    + " resume (no " + Stage4Trainer.POLICY + " in its checkpoint); starting a new run" : ": starting"));
            result = SapoStage.run(config, data, previous, runs, device, stop, dir -> run[0] = dir);
        }
        if (result.stopped()) {
            say.accept(SapoStage.STAGE + ": stopped at step " + result.lastStep() + "; run the curriculum again to continue");
            return new Outcome(null, SapoStage.STAGE);
        }
        say.accept(SapoStage.STAGE + ": finished in " + run[0]);
        previous = lastCheckpoint(run[0]);
        return new Outcome(previous, null);
    }

    /** The newest run folder of {@code stage} in {@code runs} (names sort by their UTC time stamp). */
    static Optional<Path> newestRun(Path runs, String stage) throws IOException {
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(p -> p.getFileName().toString().matches(stage + "-\\d{8}-\\d{6}(-\\d+)?")
                            && Files.isRegularFile(p.resolve("config.json")))
                    .max(Comparator.comparing((Path p) -> p.getFileName().toString().substring(stage.length() + 1, stage.length() + 16))
                            .thenComparing(p -> p.getFileName().toString().length())
                            .thenComparing(p -> p.getFileName().toString()));
        }
    }

    static boolean finished(Path run) throws IOException {
        Path status = run.resolve("status.json");
        return Files.isRegularFile(status) && "finished".equals(MAPPER.readTree(status.toFile()).path("state").asText());
    }

    private static Path lastCheckpoint(Path run) throws IOException {
        RunFolder folder = RunFolder.open(run);
        long step = folder.latestCheckpointStep().orElseThrow(() -> new InputException(run
                + " is marked finished but holds no checkpoint; delete it to train the stage again"));
        return folder.checkpoint(step);
    }
}
