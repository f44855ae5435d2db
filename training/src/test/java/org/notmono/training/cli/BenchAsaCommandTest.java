package org.notmono.training.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.cli.InputException;
import org.notmono.model.lalm.OptionLikelihood;
import org.notmono.model.lalm.WalkText;
import org.notmono.model.encoder.ShippedCheckpoint;
import org.notmono.model.lalm.ChatPrompt;
import org.notmono.model.lalm.FreshLalm;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TaskContext;
import org.notmono.training.asa.LetterExtraction;
import org.notmono.training.benchmark.Benchmark;
import org.notmono.training.benchmark.BenchmarkBuilder;
import org.notmono.training.benchmark.BenchmarkPhrasing;
import org.notmono.training.benchmark.BenchmarkPlan;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaVocabulary;
import picocli.CommandLine;

/**
 * {@code bench asa} with the LALM: a real benchmark of 20 items (the builder) and a real tiny
 * LALM over the shipped encoder, drilled ({@link FreshLalm#drill}) to answer its questions in the
 * tagged form; the lalm, text-only and truth-hearing answerers put every question to it, and the results must
 * recount from answers.jsonl. Rewording, the stratified limit and bad input are checked on the
 * same benchmark.
 */
class BenchAsaCommandTest {
    private static final String DRILLED = "<think>I listen to the room.</think><answer>B</answer>";
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static Path bench;
    private static Path checkpoint;

    @BeforeAll
    static void buildABenchmarkAndATinyLalm() throws IOException {
        bench = dir.resolve("bench");
        new BenchmarkBuilder(ClipLibraries.standard(), QaVocabulary.fromAssets(), 2).build(100_000, BenchmarkPlan.twnm(20), bench,
                TaskContext.none());
        List<String> prompts = new ArrayList<>();
        for (QaItem q : Benchmark.open(bench).items()) {
            prompts.add(ChatPrompt.render(List.of(), ChatPrompt.question(q.question(), q.options()), true));
        }
        List<String> corpus = prompts.stream().map(p -> p + DRILLED).toList();
        checkpoint = dir.resolve("lalm-asa");
        try (LalmModel lalm = FreshLalm.create("asa", ShippedCheckpoint.extract().orElseThrow(),
                new Qwen2Config(400, 32, 64, 1, 2, 1, 512, 10000, 1e-6, true), 400, corpus, dir.resolve("tokenizer.json"), 32, 64, 7,
                Device.cpu())) {
            float loss = FreshLalm.drill(lalm, prompts, DRILLED, 400, 0.05f, 3);
            assertTrue(loss < 0.05, "the drill converged: loss " + loss);
            LalmCheckpoint.save(lalm, checkpoint, Map.of("stage", "stage3"));
        }
    }

    private static int run(String... args) throws Exception {
        BenchAsaCommand command = new BenchAsaCommand();
        new CommandLine(command).parseArgs(args);
        return command.call();
    }

    @Test
    void theLalmAndItsTextOnlyBaselineAnswerWithLettersAndTheResultsRecountFromTheAnswers() throws Exception {
        for (String answerer : List.of("lalm", "text-only", "lalm-truth", "lalm-truth-text")) {
            assertEquals(0, run("--benchmark", bench.toString(), "--answerer", answerer, "--checkpoint", checkpoint.toString(),
                    "--limit", "6", "--max-tokens", "40"));
            Path out = bench.resolve("answers").resolve(answerer + "-stage3-first6");
            List<JsonNode> answers = new ArrayList<>();
            for (String line : Files.readAllLines(out.resolve("answers.jsonl"))) {
                answers.add(JSON.readTree(line));
            }
            assertEquals(6, answers.size());
            for (JsonNode a : answers) {
                assertTrue(a.path("letter").isTextual(), answerer + " gave no letter: " + a);
                assertEquals(String.valueOf(LetterExtraction.letter(a.path("text").asText())), a.path("letter").asText());
                assertEquals(a.path("letter").asText().equals(a.path("answer").asText()), a.path("correct").asBoolean());
            }
            JsonNode results = JSON.readTree(out.resolve("results.json").toFile());
            assertEquals(answerer + "-stage3", results.path("answerer").asText());
            assertEquals(checkpoint.toAbsolutePath().normalize().toString(), results.path("setup").path("checkpoint").asText());
            assertTrue(results.path("setup").path("audio").asText().startsWith(switch (answerer) {
                case "lalm" -> "heard";
                case "lalm-truth" -> "the scene's truth";
                case "lalm-truth-text" -> "no audio: the scene's paragraph";
                default -> "none";
            }), results.path("setup").toString());
            for (int level = 1; level <= 3; level++) {
                int l = level;
                List<JsonNode> of = answers.stream().filter(a -> a.path("level").asInt() == l).toList();
                assertEquals(2, of.size(), "the limit takes two items of each level");
                double recount = 100.0 * of.stream().filter(a -> a.path("correct").asBoolean()).count() / of.size();
                assertEquals(Math.round(recount * 100) / 100.0, results.path("levels").path("L" + level).asDouble(), answerer + " L" + level);
            }
            double overall = 100.0 * answers.stream().filter(a -> a.path("correct").asBoolean()).count() / answers.size();
            assertEquals(Math.round(overall * 100) / 100.0, results.path("overall").asDouble());
        }
    }

    @Test
    void byDefaultAnAnswerNamesTheLikeliestOptionAfterWhatTheModelWroteItself() throws Exception {
        for (String choice : List.of("written", "likeliest")) {
            assertEquals(0, run("--benchmark", bench.toString(), "--answerer", "lalm", "--checkpoint", checkpoint.toString(),
                    "--limit", "6", "--max-tokens", "40", "--choice", choice));
        }
        Path answers = bench.resolve("answers");
        List<String> written = Files.readAllLines(answers.resolve("lalm-stage3-written-first6").resolve("answers.jsonl"));
        List<String> likeliest = Files.readAllLines(answers.resolve("lalm-stage3-first6").resolve("answers.jsonl"));
        Map<String, JsonNode> items = new java.util.HashMap<>();
        for (String line : Files.readAllLines(bench.resolve("items.jsonl"))) {
            JsonNode item = JSON.readTree(line);
            items.put(item.path("id").asText(), item);
        }
        for (int i = 0; i < 6; i++) {
            JsonNode own = JSON.readTree(written.get(i)), chosen = JSON.readTree(likeliest.get(i));
            assertEquals(own.path("id").asText(), chosen.path("id").asText());
            // the same greedy text up to <answer>, then the option the model finds likeliest, under its own letter
            String letter = chosen.path("letter").asText();
            JsonNode options = items.get(chosen.path("id").asText()).path("options");
            assertEquals(OptionLikelihood.answerPrefix(own.path("text").asText()) + letter + ". " + options.get(letter.charAt(0) - 'A').asText()
                    + "</answer>", chosen.path("text").asText());
        }
        assertTrue(JSON.readTree(answers.resolve("lalm-stage3-first6").resolve("results.json").toFile()).path("setup").path("choice")
                .asText().startsWith("the option whose text the model finds likeliest"));
        assertEquals("the letter the model writes", JSON.readTree(answers.resolve("lalm-stage3-written-first6").resolve("results.json")
                .toFile()).path("setup").path("choice").asText());
    }

    @Test
    void byTheWalkAnAnswerEndsItsWalkWhereItMostProbablyEndsAndKeepsItsPosterior() throws Exception {
        // curriculum 12, which the curriculum taught to walk the options (the model module's WalkPosteriorTest keeps it;
        // today's shipped model never trained the walk)
        Path walking = Path.of("..", "model", "src", "test", "resources", "org", "notmono", "model", "lalm", "walking-lalm");
        assertTrue(Files.isRegularFile(walking.resolve("model.json")), walking.toAbsolutePath().toString());
        for (String choice : List.of("written", "walk")) {
            assertEquals(0, run("--benchmark", bench.toString(), "--answerer", "lalm", "--checkpoint", walking.toString(), "--limit", "4",
                    "--max-tokens", "120", "--choice", choice, "-o", dir.resolve("walking-" + choice).toString()));
        }
        List<String> written = Files.readAllLines(dir.resolve("walking-written").resolve("answers.jsonl"));
        List<String> walked = Files.readAllLines(dir.resolve("walking-walk").resolve("answers.jsonl"));
        Map<String, List<String>> options = new java.util.HashMap<>();
        for (String line : Files.readAllLines(bench.resolve("items.jsonl"))) {
            JsonNode item = JSON.readTree(line);
            List<String> texts = new java.util.ArrayList<>();
            item.path("options").forEach(o -> texts.add(o.asText()));
            options.put(item.path("id").asText(), texts);
        }
        for (int i = 0; i < 4; i++) {
            JsonNode own = JSON.readTree(written.get(i)), chosen = JSON.readTree(walked.get(i));
            assertTrue(own.path("walkPosterior").isMissingNode(), "only the walk choice weighs the walk");
            JsonNode posterior = chosen.path("walkPosterior");
            assertEquals(4, posterior.size(), chosen.toString());
            double sum = 0;
            int best = 0;
            for (int k = 0; k < 4; k++) {
                sum += posterior.get(k).asDouble();
                best = posterior.get(k).asDouble() > posterior.get(best).asDouble() ? k : best;
            }
            assertEquals(1, sum, 1e-9);
            assertEquals(String.valueOf((char) ('A' + best)), chosen.path("letter").asText(), posterior.toString());
            // the same greedy reasoning, then the walk forced to its likeliest end and the answer naming it
            assertEquals(WalkText.reasoning(own.path("text").asText()) + WalkText.ending(options.get(chosen.path("id").asText()), best),
                    chosen.path("text").asText());
        }
        assertTrue(JSON.readTree(dir.resolve("walking-walk").resolve("results.json").toFile()).path("setup").path("choice")
                .asText().startsWith("the option where the model's walk over the options most probably ends"));
    }

    @Test
    void heldOutAndTrainingPhrasingsChangeOnlyTheWordsOfTheQuestions() throws IOException {
        Benchmark built = Benchmark.open(bench);
        QaVocabulary vocabulary = QaVocabulary.fromAssets();
        assertEquals(built.items(), BenchmarkPhrasing.AS_BUILT.apply(built, vocabulary).items());
        int changed = 0;
        for (BenchmarkPhrasing p : List.of(BenchmarkPhrasing.TRAINING, BenchmarkPhrasing.HELD_OUT)) {
            List<QaItem> again = p.apply(built, vocabulary).items();
            assertEquals(built.items().size(), again.size());
            for (int i = 0; i < again.size(); i++) {
                QaItem was = built.items().get(i), now = again.get(i);
                char set = now.phrasing().charAt(now.phrasing().lastIndexOf('/') + 1);
                assertEquals(p == BenchmarkPhrasing.HELD_OUT ? 'h' : 't', set, now.phrasing());
                assertEquals(List.of(was.id(), was.scene(), was.clip(), was.options(), was.answer(), was.query(), was.think(), was.target()),
                        List.of(now.id(), now.scene(), now.clip(), now.options(), now.answer(), now.query(), now.think(), now.target()));
                assertTrue(wording(now.family(), now.phrasing()).matcher(now.question()).matches(),
                        now.phrasing() + " does not word \"" + now.question() + "\"");
                if (!was.phrasing().equals(now.phrasing())) {
                    changed++;
                }
            }
        }
        assertEquals(built.items().size(), changed, "every item is worded again in exactly one of the two sets");
    }

    @Test
    void anItemTheGeneratorDoesNotMakeAgainCannotBeReworded() throws IOException {
        Path copy = copyOf(bench, "tampered");
        int held = firstHeldOutWording(Benchmark.open(copy));
        QaItem q = Benchmark.open(copy).items().get(held);
        editItemLine(copy, held, JSON.writeValueAsString(q.options().getFirst()), "\"Nowhere at all\"");
        InputException e = assertThrows(InputException.class,
                () -> BenchmarkPhrasing.TRAINING.apply(Benchmark.open(copy), QaVocabulary.fromAssets()));
        assertTrue(e.getMessage().contains("items.jsonl:" + (held + 1)) && e.getMessage().contains("--phrasings as-built"), e.getMessage());
    }

    @Test
    void reasoningThatReadsARoundedValueOtherwiseIsKeptAsBuilt() throws IOException {
        // the stored RTSD is rounded: made again, a reasoning may say 2.0 m where the built one says 1.9 m
        Path copy = copyOf(bench, "rounded");
        int held = firstHeldOutWording(Benchmark.open(copy));
        QaItem q = Benchmark.open(copy).items().get(held);
        String think = q.think() + " (as measured)";
        editItemLine(copy, held, JSON.writeValueAsString(q.think()), JSON.writeValueAsString(think));
        QaItem now = BenchmarkPhrasing.TRAINING.apply(Benchmark.open(copy), QaVocabulary.fromAssets()).items().get(held);
        assertEquals(think, now.think());
        assertNotEquals(q.question(), now.question());
    }

    /** The template {@code id} of the family as a pattern: its words as written, each slot ({X}, {where}...) any text. */
    private static Pattern wording(Family family, String id) {
        String text = Phrasings.standard().of(family, Phrasings.Set.ALL).stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no template " + id)).text();
        String regex = Stream.of(text.split("\\{[A-Za-z]+}", -1)).map(Pattern::quote).collect(Collectors.joining(".+"));
        // a sentence that starts with a slot starts with its text capitalised
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The index of the first item worded from the held-out set, which {@code --phrasings training} words again. */
    private static int firstHeldOutWording(Benchmark built) {
        for (int i = 0; i < built.items().size(); i++) {
            if (!BenchmarkPhrasing.TRAINING.holds(built.items().get(i).phrasing())) {
                return i;
            }
        }
        throw new AssertionError("the benchmark has no held-out wording");
    }

    /** Replaces {@code from} by {@code to} in line {@code index} of a benchmark's items.jsonl. */
    private static void editItemLine(Path benchmark, int index, String from, String to) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(benchmark.resolve("items.jsonl")));
        lines.set(index, lines.get(index).replace(from, to));
        Files.write(benchmark.resolve("items.jsonl"), lines);
    }

    @Test
    void theLimitTakesTheFamiliesInTurnKeepingBenchmarkOrder() throws IOException {
        Benchmark built = Benchmark.open(bench);
        List<QaItem> first18 = built.limit(18).items();
        Map<Family, Integer> perFamily = new EnumMap<>(Family.class);
        first18.forEach(q -> perFamily.merge(q.family(), 1, Integer::sum));
        assertEquals(Family.values().length, perFamily.size(), "every family once");
        assertTrue(perFamily.values().stream().allMatch(n -> n == 1));
        List<Integer> positions = first18.stream().map(built.items()::indexOf).toList();
        assertEquals(positions.stream().sorted().toList(), positions, "benchmark order kept");
        List<QaItem> first3 = built.limit(3).items();
        assertEquals(List.of(1, 2, 3), first3.stream().map(QaItem::level).sorted().toList(), "levels take turns");
        assertEquals(built.items(), built.limit(1000).items());
    }

    @Test
    void badInputIsOneClearMessage() throws Exception {
        String b = bench.toString();
        assertMessage("no such folder", "--benchmark", dir.resolve("nothing").toString(), "--answerer", "oracle");
        assertMessage("no such folder", "--benchmark", b, "--answerer", "lalm", "--checkpoint", dir.resolve("nothing").toString());
        assertMessage("is not a LALM checkpoint", "--benchmark", b, "--answerer", "text-only", "--checkpoint", bench.toString());
        assertMessage("--checkpoint is for the LALM answerers (lalm, text-only, lalm-truth, lalm-truth-text, lalm-exact-options); slots takes none",
                "--benchmark", b, "--answerer", "slots", "--checkpoint", checkpoint.toString());
        assertMessage("--phrasings must be", "--benchmark", b, "--answerer", "oracle", "--phrasings", "novel");
        assertMessage("--limit must be", "--benchmark", b, "--answerer", "oracle", "--limit", "0");
        assertMessage("--choice must be likeliest, written, walk or consensus, got 'first'", "--benchmark", b, "--answerer", "lalm", "--checkpoint",
                checkpoint.toString(), "--choice", "first");
        assertMessage("--choice is for the LALM answerers", "--benchmark", b, "--answerer", "slots", "--choice", "written");
        Path training = copyOf(bench, "training-seed");
        Path manifest = training.resolve("benchmark.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"seed\" : 100000", "\"seed\" : 42"));
        assertMessage("seed 42 is not a held-out seed", "--benchmark", training.toString(), "--answerer", "oracle");
    }

    private static void assertMessage(String part, String... args) {
        InputException e = assertThrows(InputException.class, () -> run(args));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private static Path copyOf(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !from.relativize(p).startsWith("answers")).toList()) {
                Path target = to.resolve(from.relativize(p));
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        return to;
    }
}
