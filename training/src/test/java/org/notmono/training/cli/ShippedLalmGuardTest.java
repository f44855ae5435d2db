package org.notmono.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TaskContext;
import org.notmono.training.benchmark.BenchmarkBuilder;
import org.notmono.training.benchmark.BenchmarkPlan;
import org.notmono.training.curriculum.OptionWalk;
import org.notmono.training.qa.QaVocabulary;
import picocli.CommandLine;

/**
 * A regression guard for the LALM that ships: on a real benchmark of 72 held-out questions (the
 * builder, seed 100000, TWNM's proportions of levels and families), the shipped {@code lalm-tiny},
 * answering through {@code bench asa} as a user runs it, must answer in the form it was trained to
 * give (decision record 0003): every answer names one of the offered options, not always the same
 * one, and it is the option its reasoning's walk over the options ended on ("C. ... - yes").
 * How often it is right is not guarded: on the whole 1,000-question benchmark it is right about a
 * third of the time (docs/benchmarks.md), too close to chance for 72 questions to tell.
 */
class ShippedLalmGuardTest {
    private static final int ITEMS = 72;
    /** The walk's last line: the option judged right, just before the reasoning closes. */
    private static final Pattern WALK_END = Pattern.compile("\\n([A-D])\\. [^\\n]*" + Pattern.quote(OptionWalk.YES) + "</think>");
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;

    @Test
    void theShippedLalmNamesAnOptionForEveryHeldOutQuestion() throws Exception {
        Path bench = dir.resolve("bench");
        new BenchmarkBuilder(ClipLibraries.standard(), QaVocabulary.fromAssets(), 2).build(100_000, BenchmarkPlan.twnm(ITEMS), bench,
                TaskContext.none());
        Path out = dir.resolve("lalm");
        BenchAsaCommand command = new BenchAsaCommand();
        new CommandLine(command).parseArgs("--benchmark", bench.toString(), "--answerer", "lalm", "-o", out.toString());
        assertEquals(0, command.call());
        List<String> lines = Files.readAllLines(out.resolve("answers.jsonl"));
        assertEquals(ITEMS, lines.size());
        int lettered = 0;
        int followsWalk = 0;
        Set<String> letters = new TreeSet<>();
        for (String line : lines) {
            JsonNode a = JSON.readTree(line);
            if (a.path("letter").isTextual()) {
                lettered++;
                letters.add(a.path("letter").asText());
                Matcher walked = WALK_END.matcher(a.path("text").asText());
                if (walked.find() && walked.group(1).equals(a.path("letter").asText())) {
                    followsWalk++;
                }
            }
        }
        assertTrue(followsWalk >= ITEMS - 3, followsWalk + " of " + ITEMS + " answers name the option their walk ended on");

        // the exact-options diagnostic: every option line of every walk is the prompt's option
        Path exact = dir.resolve("exact");
        BenchAsaCommand diagnostic = new BenchAsaCommand();
        new CommandLine(diagnostic).parseArgs("--benchmark", bench.toString(), "--answerer", "lalm-exact-options", "-o", exact.toString());
        assertEquals(0, diagnostic.call());
        JsonNode walk = JSON.readTree(exact.resolve("results.json").toFile()).path("walk");
        assertTrue(walk.path("lines").asInt() >= ITEMS, walk.toString());
        assertEquals(walk.path("lines").asInt(), walk.path("linesCopiedExactly").asInt(), walk.toString());
        // three unlettered answers of 72 allowed for another CPU's rounding of a greedy choice
        assertTrue(lettered >= ITEMS - 3, lettered + " of " + ITEMS + " answers name an option");
        assertTrue(letters.size() >= 3, "the answers spread over the options, not one letter for all: " + letters);
    }
}
