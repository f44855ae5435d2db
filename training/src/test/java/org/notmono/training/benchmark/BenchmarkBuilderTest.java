package org.notmono.training.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TaskContext;
import org.notmono.training.asa.Answerer;
import org.notmono.training.asa.AsaQuestion;
import org.notmono.training.asa.AsaReport;
import org.notmono.training.asa.AsaRun;
import org.notmono.training.asa.OracleAnswerer;
import org.notmono.training.asa.RandomAnswerer;
import org.notmono.training.qa.AnswerRules;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaVocabulary;

/** A small benchmark (36 items, two per family), built twice; the full 1,000 are built by the command. */
class BenchmarkBuilderTest {
    private static final BenchmarkPlan PLAN = BenchmarkPlan.twnm(36);
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static QaVocabulary vocabulary;
    private static Path built;

    @BeforeAll
    static void build() throws IOException {
        vocabulary = QaVocabulary.fromAssets();
        built = dir.resolve("bench");
        new BenchmarkBuilder(ClipLibraries.standard(), vocabulary, 2).build(100_000, PLAN, built, TaskContext.none());
    }

    @Test
    void theTwnmPlanHasItsLevelTotalsAndEveryFamily() {
        BenchmarkPlan full = BenchmarkPlan.twnm(1000);
        assertEquals(List.of(385, 279, 336), List.of(full.level(1), full.level(2), full.level(3)));
        assertEquals(1000, full.total());
        assertEquals(Family.values().length, full.quota().size());
        assertEquals(36, PLAN.total());
    }

    @Test
    void theOracleScoresEveryFamilyFullyAndChanceIsScoredByTheItemsKey() throws IOException {
        Benchmark b = Benchmark.open(built);
        assertEquals(PLAN.total(), b.items().size());
        AsaReport oracle = AsaRun.run(b, new OracleAnswerer(new AnswerRules(vocabulary)), dir.resolve("oracle"), TaskContext.none());
        JsonNode oracleResults = JSON.readTree(dir.resolve("oracle/results.json").toFile());
        for (Family f : Family.values()) {
            assertEquals(100.0, oracle.family(f), f.id());
            assertEquals(100.0, oracleResults.path("families").path(f.id()).path("accuracy").asDouble(), f.id() + " in results.json");
        }
        assertEquals(100.0, oracleResults.path("overall").asDouble());
        assertTrue(ImageIO.read(dir.resolve("oracle/accuracy.png").toFile()).getWidth() > 0, "accuracy.png is an image");
        assertEquals(b.items().size(), Files.readAllLines(dir.resolve("oracle/answers.jsonl")).size(), "every answer is kept");

        // chance: its letters, counted here against the items' own key, make its score
        AsaReport random = AsaRun.run(b, new RandomAnswerer(3), dir.resolve("random"), TaskContext.none());
        Map<String, String> key = b.items().stream().collect(Collectors.toMap(QaItem::id, QaItem::answer));
        int right = 0;
        Set<String> letters = new TreeSet<>();
        for (String line : Files.readAllLines(dir.resolve("random/answers.jsonl"))) {
            JsonNode a = JSON.readTree(line);
            letters.add(a.path("letter").asText());
            right += a.path("letter").asText().equals(key.get(a.path("id").asText())) ? 1 : 0;
        }
        assertEquals(Set.of("A", "B", "C", "D"), letters, "chance draws every letter over 36 items");
        assertEquals(100.0 * right / PLAN.total(), random.overall(), 1e-9);
    }

    @Test
    void theRightTextUnderTheWrongLetterScoresNothingAndIsCountedApart() throws IOException {
        Benchmark b = Benchmark.open(built);
        // names the letter after the right one, then the right option's text
        Answerer shifted = new Answerer() {
            @Override
            public String name() {
                return "shifted";
            }

            @Override
            public String answer(AsaQuestion q, TaskContext task) {
                int right = q.item().answer().charAt(0) - 'A';
                return "<answer>" + (char) ('A' + (right + 1) % 4) + ". " + q.item().options().get(right) + "</answer>";
            }

            @Override
            public void close() {
            }
        };
        AsaReport report = AsaRun.run(b, shifted, dir.resolve("shifted"), TaskContext.none());
        assertEquals(0.0, report.overall());
        assertEquals(100.0, report.rightOptionText());
        AsaReport oracle = AsaRun.run(b, new OracleAnswerer(new AnswerRules(vocabulary)), dir.resolve("oracle-text"), TaskContext.none());
        assertEquals(0.0, oracle.rightOptionText(), "a bare letter states no text");
    }

    @Test
    void theSameSeedGivesTheSameBytes() throws IOException {
        Path again = dir.resolve("again");
        new BenchmarkBuilder(ClipLibraries.standard(), vocabulary, 1).build(100_000, PLAN, again, TaskContext.none());
        List<Path> files = files(built);
        assertEquals(files.stream().map(built::relativize).toList(), files(again).stream().map(again::relativize).toList());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(built.relativize(f))), f.toString());
        }
    }

    @Test
    void trainingSeedsAreRefusedAndNothingIsWritten() {
        Path out = dir.resolve("refused");
        InputException e = assertThrows(InputException.class, () -> new BenchmarkBuilder(ClipLibraries.standard(), vocabulary, 1)
                .build(99_999, PLAN, out, TaskContext.none()));
        assertEquals("--seed 99999 is a training seed; benchmarks use held-out seeds >= 100000", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void anIncompleteFolderIsRefusedNamingTheMissingFile() throws IOException {
        Path copy = dir.resolve("broken");
        for (Path f : files(built)) {
            Path to = copy.resolve(built.relativize(f));
            Files.createDirectories(to.getParent());
            Files.copy(f, to);
        }
        Path clip = files(copy.resolve("clips")).getFirst();
        Files.delete(clip);
        InputException e = assertThrows(InputException.class, () -> Benchmark.open(copy));
        assertTrue(e.getMessage().contains(clip.getFileName().toString()), e.getMessage());
        Files.delete(copy.resolve("items.jsonl"));
        e = assertThrows(InputException.class, () -> Benchmark.open(copy));
        assertTrue(e.getMessage().contains("items.jsonl"), e.getMessage());
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith("answers")).sorted().toList();
        }
    }
}
