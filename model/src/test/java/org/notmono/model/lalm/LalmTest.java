package org.notmono.model.lalm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatInputException;
import org.notmono.model.chat.ChatRole;
import org.notmono.model.chat.ChatTurn;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.chat.OptionChoice;
import org.notmono.fx.task.TaskService;
import org.notmono.model.chat.session.ChatHistoryStore;
import org.notmono.model.chat.ui.ChatState;
import org.notmono.model.chat.ui.ChatViewModel;
import org.notmono.model.cli.PackCommand;
import org.notmono.model.safetensors.SafeTensorType;
import org.notmono.model.safetensors.SafeTensorsReader;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.train.LmBatch;
import org.notmono.task.TaskContext;
import picocli.CommandLine;

/**
 * The LALM end to end: a tiny model overfits questions about two rendered scenes and answers
 * them through {@code notmono ask}; the anchor is replaced by exactly the projector's tokens;
 * the loss sees only answer tokens; bad input gets one clear message.
 */
class LalmTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static TinyLalmFixture fixture;
    private static Lalm lalm;

    @BeforeAll
    static void trainTinyLalm() throws IOException {
        fixture = new TinyLalmFixture(dir);
        lalm = Lalm.load(fixture.checkpoint);
    }

    @AfterAll
    static void close() {
        lalm.close();
    }

    @Test
    void overfitModelAnswersThroughAsk() throws Exception {
        for (int i = 0; i < 2; i++) {
            int count = fixture.counts.get(i);
            String wav = fixture.wavs.get(i).toString();
            String plain = AskCli.run(wav, TinyLalmFixture.COUNT_QUESTION, "--checkpoint", fixture.checkpoint.toString());
            assertEquals(TinyLalmFixture.openAnswer(count).replaceAll("</?answer>", ""), plain.strip());
            JsonNode json = JSON.readTree(AskCli.run(wav, TinyLalmFixture.MCQ_QUESTION, "--options", String.join(";", TinyLalmFixture.OPTIONS),
                    "--no-think", "--checkpoint", fixture.checkpoint.toString(), "--json"));
            assertEquals(String.valueOf((char) ('A' + count - 1)), json.get("letter").asText());
            assertEquals("<think></think>" + TinyLalmFixture.mcqAnswer(count), json.get("answer").asText());
            JsonNode heard = json.get("heard");
            double duration = heard.get("clipDuration").asDouble();
            assertEquals(Math.min(4.0, duration), heard.get("end").asDouble() - heard.get("start").asDouble(), 1e-9,
                    "the model's 4-s window, or the whole of a shorter clip");
            assertTrue(heard.get("start").asDouble() >= 0 && heard.get("end").asDouble() <= duration + 1e-9, heard.toString());
        }
    }

    /** Every checkpoint of one curriculum has the model name of its config: a run's checkpoint adds its run and step. */
    @Test
    void aRunsCheckpointIsNamedWithItsRunAndStep() throws Exception {
        assertEquals("NotMono LALM (test)", lalm.name(), "a checkpoint outside a run: its model.json name");
        Path step = Files.createDirectories(dir.resolve("stage3-20261207-161810/checkpoints/step-40"));
        try (var files = Files.walk(fixture.checkpoint)) {
            for (Path f : files.skip(1).toList()) { // parents before their files
                Files.copy(f, step.resolve(fixture.checkpoint.relativize(f).toString()));
            }
        }
        try (Lalm fromRun = Lalm.load(step)) {
            assertEquals("NotMono LALM (test, stage3-20261207-161810 step 40)", fromRun.name());
        }
        assertEquals(null, Lalm.runAndStep(dir.resolve("checkpoints/latest")), "not a step folder");
    }

    @Test
    void batchAnswersEveryLineInOrder() throws Exception {
        Path file = dir.resolve("questions.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i >= 0; i--) {
            ObjectNode n = JSON.createObjectNode();
            n.put("id", "q" + i);
            n.put("clip", fixture.wavs.get(i).getFileName().toString());
            n.put("question", TinyLalmFixture.MCQ_QUESTION);
            TinyLalmFixture.OPTIONS.forEach(n.putArray("options")::add);
            lines.append(n).append('\n');
        }
        Files.writeString(file, lines);
        String[] out = AskCli.run("--batch", file.toString(), "--no-think", "--checkpoint", fixture.checkpoint.toString()).strip().split("\n");
        assertEquals(2, out.length);
        for (int k = 0; k < 2; k++) {
            int i = 1 - k;
            JsonNode n = JSON.readTree(out[k]);
            assertEquals("q" + i, n.get("id").asText());
            assertEquals(String.valueOf((char) ('A' + fixture.counts.get(i) - 1)), n.get("letter").asText());
            assertTrue(n.get("think").isNull());
            assertTrue(n.get("ms").isIntegralNumber(), "the answer's time in whole milliseconds: " + n);
        }
    }

    @Test
    void theTextOnlyBaselineReadsTheSameWordsWithoutTheAnchorAndHearsNothing() throws Exception {
        Lalm textOnly = Lalm.textOnly(lalm.model()); // the same weights; closed with lalm
        LalmModel model = lalm.model();
        String user = ChatPrompt.question(TinyLalmFixture.MCQ_QUESTION, TinyLalmFixture.OPTIONS);
        String withAudio = ChatPrompt.render(List.of(), user, false), without = ChatPrompt.render(List.of(), user, false, false);
        assertEquals(withAudio, without.replace("<|im_start|>user\n", "<|im_start|>user\n" + SpecialTokens.ACOUSTIC + "\n"));
        assertFalse(without.contains(SpecialTokens.ACOUSTIC));
        List<String> texts = new java.util.ArrayList<>();
        for (Path wav : fixture.wavs) {
            ChatRequest r = new ChatRequest(Wav.read(wav), List.of(), TinyLalmFixture.MCQ_QUESTION, TinyLalmFixture.OPTIONS, false,
                    GenerationSettings.greedy(24));
            ChatAnswer deaf = textOnly.answer(r, t -> { }, TaskContext.none()), heard = lalm.answer(r, t -> { }, TaskContext.none());
            assertEquals(model.tokenizer().encode(without).length, deaf.promptTokens(), "no audio tokens, no anchor");
            int audio;
            try (NDManager m = model.lm().manager().newSubManager()) {
                audio = (int) model.audioTokens(Wav.read(wav), m).getShape().get(1);
            }
            assertEquals(model.tokenizer().encode(withAudio).length - 1 + audio, heard.promptTokens());
            texts.add(deaf.text());
        }
        assertEquals(texts.get(0), texts.get(1), "without the audio both clips get the same answer");
        assertTrue(textOnly.name().endsWith("text only") && textOnly.hears() != lalm.hears(), textOnly.name());
    }

    @Test
    void anchorIsReplacedByExactlyTheProjectorsTokens() throws IOException {
        LalmModel model = lalm.model();
        try (NDManager m = model.lm().manager().newSubManager()) {
            NDArray audio = model.audioTokens(Wav.read(fixture.wavs.getFirst()), m);
            int a = (int) audio.getShape().get(1);
            assertEquals(model.projector().config().tokens(62), a, "~8 frames a second, one per slot, one scene token");
            long[] ids = model.tokenizer().encode(ChatPrompt.render(List.of(), "Where?", false));
            int at = PromptEmbedding.anchorIndex(ids, model.anchor());
            NDArray embedded = PromptEmbedding.embed(model.lm(), ids, model.anchor(), audio, m);
            assertEquals(new Shape(1, ids.length - 1 + a, model.lm().config().hiddenSize()), embedded.getShape());
            assertArrayEquals(audio.toFloatArray(), embedded.get(":, " + at + ":" + (at + a) + ", :").toFloatArray());
            NDArray tokens = model.lm().embed(m.create(ids, new Shape(1, ids.length)));
            assertArrayEquals(tokens.get(":, :" + at + ", :").toFloatArray(), embedded.get(":, :" + at + ", :").toFloatArray());
            assertArrayEquals(tokens.get(":, " + (at + 1) + ":, :").toFloatArray(), embedded.get(":, " + (at + a) + ":, :").toFloatArray());
        }
    }

    @Test
    void eachOptionsLikelihoodIsItsTextsLogProbabilityFromAWholeSequencePass() throws IOException {
        LalmModel model = lalm.model();
        OptionLikelihood likelihood = new OptionLikelihood(model.lm(), model.tokenizer());
        for (int i = 0; i < 2; i++) {
            try (NDManager m = model.lm().manager().newSubManager()) {
                NDArray audio = model.audioTokens(Wav.read(fixture.wavs.get(i)), m);
                long[] ids = model.tokenizer().encode(ChatPrompt.render(List.of(),
                        ChatPrompt.question(TinyLalmFixture.MCQ_QUESTION, TinyLalmFixture.OPTIONS), false));
                NDArray prompt = PromptEmbedding.embed(model.lm(), ids, model.anchor(), audio, m);
                double[] scores = likelihood.score(prompt, "<answer>", TinyLalmFixture.OPTIONS, m);
                assertScoresAreWholeSequencePasses(model, prompt, "<answer>", scores, m);
                assertEquals(fixture.counts.get(i) - 1, OptionLikelihood.likeliest(scores), "the clip's source count");
                // one prompt scored after several texts (Stage 4's rollouts): each text as if scored alone
                try (OptionLikelihood.Prompted prompted = likelihood.prompted(prompt, m)) {
                    for (String written : List.of("<think>I hear two sources</think><answer>", "<answer>", "<think>one</think><answer>")) {
                        assertScoresAreWholeSequencePasses(model, prompt, written, prompted.score(written, TinyLalmFixture.OPTIONS), m);
                    }
                }
            }
        }
    }

    @Test
    void aConsensusAnswerIsTheMeanOfTheOptionsProbabilitiesAfterItsOwnAndSevenSampledReasonings() throws Exception {
        LalmModel model = lalm.model();
        AudioClip clip = Wav.read(fixture.wavs.get(1));
        GenerationSettings greedy = GenerationSettings.greedy(24);
        ChatAnswer own = lalm.answer(new ChatRequest(clip, List.of(), TinyLalmFixture.MCQ_QUESTION, TinyLalmFixture.OPTIONS, true,
                greedy, OptionChoice.WRITTEN), t -> { }, TaskContext.none());
        ChatAnswer consensus = lalm.answer(new ChatRequest(clip, List.of(), TinyLalmFixture.MCQ_QUESTION, TinyLalmFixture.OPTIONS, true,
                greedy, OptionChoice.CONSENSUS), t -> { }, TaskContext.none());
        try (NDManager m = model.lm().manager().newSubManager()) {
            NDArray audio = model.audioTokens(clip, m);
            long[] ids = model.tokenizer().encode(ChatPrompt.render(List.of(), ChatPrompt.question(TinyLalmFixture.MCQ_QUESTION,
                    TinyLalmFixture.OPTIONS), true));
            NDArray prompt = PromptEmbedding.embed(model.lm(), ids, model.anchor(), audio, m);
            // the spec: seven more reasonings of one batch at temperature 0.7 from the request's seed, each ending at <answer>
            List<String> reasonings = new java.util.ArrayList<>(List.of(own.text()));
            new org.notmono.model.generate.Generator(model.lm(), model.tokenizer(), model.endTokens())
                    .sample(prompt, 7, new GenerationSettings(24, 0.7, 0, 1, greedy.seed(), List.of("<answer>")), TaskContext.none())
                    .forEach(g -> reasonings.add(g.text()));
            assertTrue(reasonings.stream().distinct().count() > 2, "the sampled reasonings differ: " + reasonings);
            double[] mean = new double[4];
            double[] ownAlone = null;
            for (String reasoning : reasonings) {
                double[] p = OptionLikelihood.probabilities(wholeSequenceScores(model, prompt, OptionLikelihood.answerPrefix(reasoning), m));
                ownAlone = ownAlone == null ? p : ownAlone;
                for (int o = 0; o < 4; o++) {
                    mean[o] += p[o] / reasonings.size();
                }
            }
            int best = OptionLikelihood.likeliest(mean);
            assertEquals((char) ('A' + best), consensus.letter());
            assertEquals(OptionLikelihood.answerPrefix(own.text()) + ChatPrompt.optionLine(best, TinyLalmFixture.OPTIONS.get(best)) + "</answer>",
                    consensus.text(), "the answer follows the model's own reasoning");
            String notice = consensus.notices().getLast();
            assertTrue(notice.startsWith("The answer is the option the model finds likeliest over 8 reasonings, its own and 7 sampled at"
                    + " temperature 0.7 (") && notice.endsWith("); it wrote " + (own.letter() == null ? "no letter" : own.letter()) + "."), notice);
            List<Integer> percents = java.util.regex.Pattern.compile("[A-D] (\\d+)%").matcher(notice).results()
                    .map(x -> Integer.parseInt(x.group(1))).toList();
            assertEquals(8, percents.size(), notice);
            for (int o = 0; o < 4; o++) {
                assertEquals(100 * mean[o], percents.get(o), 0.51, "mean of option " + o + ": " + notice);
                assertEquals(100 * ownAlone[o], percents.get(4 + o), 0.51, "own reasoning's option " + o + ": " + notice);
            }
        }
        JsonNode json = JSON.readTree(AskCli.run(fixture.wavs.get(1).toString(), TinyLalmFixture.MCQ_QUESTION, "--options",
                String.join(";", TinyLalmFixture.OPTIONS), "--choice", "consensus", "--max-tokens", "24", "--checkpoint",
                fixture.checkpoint.toString(), "--json"));
        assertEquals(String.valueOf(consensus.letter()), json.get("letter").asText(), "notmono ask --choice consensus answers the same");
        ChatAnswer withoutReasoning = lalm.answer(new ChatRequest(clip, List.of(), TinyLalmFixture.MCQ_QUESTION, TinyLalmFixture.OPTIONS,
                false, greedy, OptionChoice.CONSENSUS), t -> { }, TaskContext.none());
        assertEquals(fixture.counts.get(1) - 1, withoutReasoning.letter() - 'A', "without reasoning: the likeliest option");
        assertTrue(withoutReasoning.notices().stream().anyMatch(n -> n.startsWith("Without reasoning there are no reasonings")),
                withoutReasoning.notices().toString());
    }

    /** Each option's log-likelihood from one pass over the whole answer encoded as one string, without cache or batch. */
    private static double[] wholeSequenceScores(LalmModel model, NDArray prompt, String written, NDManager m) {
        double[] scores = new double[4];
        for (int o = 0; o < 4; o++) {
            String option = TinyLalmFixture.OPTIONS.get(o);
            long[] answer = model.tokenizer().encode(written + ChatPrompt.optionLine(o, option) + SpecialTokens.ANSWER_END);
            int scored = model.tokenizer().encode(" " + option + SpecialTokens.ANSWER_END).length;
            NDArray all = prompt.concat(model.lm().embed(m.create(answer, new Shape(1, answer.length))), 1);
            float[] lp = model.lm().forward(all, null, false).logSoftmax(2).toFloatArray();
            int vocab = model.lm().config().vocabSize();
            int first = (int) all.getShape().get(1) - scored;
            for (int t = first; t < all.getShape().get(1); t++) {
                scores[o] += lp[(t - 1) * vocab + (int) answer[t - (int) prompt.getShape().get(1)]];
            }
        }
        return scores;
    }

    /** Each option's score against one pass over the whole answer encoded as one string, without cache or batch. */
    private static void assertScoresAreWholeSequencePasses(LalmModel model, NDArray prompt, String written, double[] scores, NDManager m) {
        double[] expected = wholeSequenceScores(model, prompt, written, m);
        for (int o = 0; o < 4; o++) {
            assertEquals(expected[o], scores[o], 2e-3, written + " option " + TinyLalmFixture.OPTIONS.get(o));
        }
    }

    @Test
    void aMultipleChoiceAnswerNamesTheLikeliestOptionAndSaysWhatTheModelWrote() throws Exception {
        for (int i = 0; i < 2; i++) {
            AudioClip clip = Wav.read(fixture.wavs.get(i));
            GenerationSettings greedy = GenerationSettings.greedy(24);
            ChatAnswer wrote = lalm.answer(new ChatRequest(clip, List.of(), TinyLalmFixture.MCQ_QUESTION, TinyLalmFixture.OPTIONS, false,
                    greedy, OptionChoice.WRITTEN), t -> { }, TaskContext.none());
            ChatAnswer chose = lalm.answer(new ChatRequest(clip, List.of(), TinyLalmFixture.MCQ_QUESTION, TinyLalmFixture.OPTIONS, false,
                    greedy), t -> { }, TaskContext.none());
            char right = (char) ('A' + fixture.counts.get(i) - 1);
            assertEquals(right, chose.letter());
            assertEquals("<think></think>" + TinyLalmFixture.mcqAnswer(fixture.counts.get(i)), chose.text());
            String notice = chose.notices().getLast();
            assertTrue(notice.startsWith("The answer is the option the model finds likeliest after its reasoning (A ")
                    && notice.endsWith("; it wrote " + wrote.letter() + "."), notice);
            int percent = java.util.regex.Pattern.compile("[A-D] (\\d+)%").matcher(notice).results()
                    .mapToInt(x -> Integer.parseInt(x.group(1))).sum();
            assertTrue(Math.abs(percent - 100) <= 2, "four rounded probabilities: " + notice);
            assertTrue(wrote.notices().stream().noneMatch(n -> n.contains("likeliest")), "the written letter stands as written");
            // the same through notmono ask: its notices, and --choice written
            for (String choice : List.of("likeliest", "written")) {
                JsonNode json = JSON.readTree(AskCli.run(fixture.wavs.get(i).toString(), TinyLalmFixture.MCQ_QUESTION, "--options",
                        String.join(";", TinyLalmFixture.OPTIONS), "--no-think", "--choice", choice, "--checkpoint",
                        fixture.checkpoint.toString(), "--json"));
                ChatAnswer same = choice.equals("written") ? wrote : chose;
                assertEquals(String.valueOf(same.letter()), json.get("letter").asText());
                assertEquals(same.notices().size(), json.path("notices").size(), json.toString());
            }
        }
        InputException bad = assertThrows(InputException.class, () -> AskCli.run(fixture.wavs.getFirst().toString(), TinyLalmFixture.MCQ_QUESTION,
                "--choice", "first", "--checkpoint", fixture.checkpoint.toString()));
        assertEquals("--choice must be likeliest, written, walk or consensus, got 'first'", bad.getMessage());
    }

    @Test
    void lossMaskCoversExactlyTheAnswerTokens() {
        LalmModel model = lalm.model();
        long[] prompt = model.tokenizer().encode(ChatPrompt.render(List.of(), "How far?", false));
        long[] answer = model.tokenizer().encode(ChatPrompt.assistantCompletion("<answer>Near.</answer>"));
        long[] shortAnswer = model.tokenizer().encode(ChatPrompt.assistantCompletion("<answer>A</answer>"));
        try (NDManager m = model.lm().manager().newSubManager()) {
            int a = 7;
            NDArray audio = m.randomNormal(new Shape(2, a, model.lm().config().hiddenSize()));
            LmBatch batch = AnswerOnlyBatch.of(model.lm(), List.of(new AnswerOnlyBatch.Example(prompt, answer),
                    new AnswerOnlyBatch.Example(prompt, shortAnswer)), audio, model.anchor(), m);
            int length = prompt.length - 1 + a + answer.length;
            assertEquals(new Shape(2, length), batch.mask().getShape());
            float[] mask = batch.mask().toFloatArray();
            long[] targets = batch.targets().toLongArray();
            int firstAnswer = prompt.length - 1 + a;
            for (int row = 0; row < 2; row++) {
                long[] expected = row == 0 ? answer : shortAnswer;
                for (int p = 0; p < length; p++) {
                    boolean predictsAnswer = p >= firstAnswer - 1 && p < firstAnswer - 1 + expected.length;
                    assertEquals(predictsAnswer ? 1f : 0f, mask[row * length + p], "row " + row + " position " + p);
                    if (predictsAnswer) {
                        assertEquals(expected[p - firstAnswer + 1], targets[row * length + p]);
                    }
                }
            }
        }
    }

    @Test
    void monoAndStereoClipsAreRefused() throws IOException {
        AudioClip foa = Wav.read(fixture.wavs.getFirst());
        for (int channels : new int[] {1, 2}) {
            AudioClip clip = new AudioClip(foa.sampleRate(), Arrays.copyOf(foa.channels(), channels));
            ChatInputException e = assertThrows(ChatInputException.class, () -> lalm.answer(request(clip, "Where?"), x -> { },
                    TaskContext.none()));
            assertTrue(e.getMessage().contains(channels + " channel") && e.getMessage().contains("4-channel"), e.getMessage());
            Path wav = dir.resolve("ch" + channels + ".wav");
            Wav.write(wav, clip, SampleEncoding.PCM_16);
            InputException cli = assertThrows(InputException.class,
                    () -> AskCli.run(wav.toString(), "Where?", "--checkpoint", fixture.checkpoint.toString()));
            assertOneLine(cli.getMessage());
            assertTrue(cli.getMessage().startsWith(wav.toString()) && cli.getMessage().contains("4-channel"), cli.getMessage());
        }
    }

    @Test
    void aLongClipIsHeardInOneWindowAndSaysWhich() throws IOException, ChatInputException {
        ChatAnswer answer = lalm.answer(request(sixSecondClip(), TinyLalmFixture.COUNT_QUESTION), x -> { }, TaskContext.none());
        assertFalse(answer.heard().whole());
        assertEquals(6.0, answer.heard().clipDuration(), 1e-3);
        assertEquals(4.0, answer.heard().end() - answer.heard().start(), 1e-9);
        assertTrue(answer.notices().getFirst().contains("heard"), answer.notices().toString());
    }

    @Test
    void aPromptLongerThanTheContextSaysWhatDoesNotFit() throws Exception {
        String question = "Where is the dog? ".repeat(200);
        Path wav = fixture.wavs.getFirst();
        ChatInputException e = assertThrows(ChatInputException.class,
                () -> lalm.answer(request(Wav.read(wav), question), x -> { }, TaskContext.none()));
        assertTrue(e.getMessage().contains("too long") && e.getMessage().contains("256"), e.getMessage());
        // ask: one line naming the clip, how far over the context it is, and what to do
        InputException cli = assertThrows(InputException.class, () -> AskCli.run(wav.toString(), question, "--checkpoint",
                fixture.checkpoint.toString()));
        assertOneLine(cli.getMessage());
        assertTrue(cli.getMessage().startsWith(wav.toString()) && cli.getMessage().contains("too long")
                && cli.getMessage().contains("shorten it by about"), cli.getMessage());
        // the chat: the question stays in the conversation with the reason, and the state says it
        try (Chat chat = new Chat(fixture.checkpoint)) {
            chat.vm.attach(wav);
            chat.vm.questionProperty().set(question);
            chat.vm.ask();
            assertEquals(ChatState.ERROR, chat.vm.stateProperty().get());
            assertTrue(chat.vm.exchanges().getFirst().error().contains("too long"), chat.vm.exchanges().getFirst().error());
            assertTrue(chat.vm.stateTextProperty().get().contains("shorten it"), chat.vm.stateTextProperty().get());
        }
    }

    @Test
    void askReportsTheSpanALongClipWasHeardIn() throws Exception {
        Path wav = dir.resolve("six-seconds.wav");
        Wav.write(wav, sixSecondClip(), SampleEncoding.PCM_16);
        JsonNode out = JSON.readTree(AskCli.run(wav.toString(), TinyLalmFixture.COUNT_QUESTION, "--checkpoint", fixture.checkpoint.toString(),
                "--json", "--max-tokens", "8"));
        JsonNode heard = out.get("heard");
        assertEquals(6.0, heard.get("clipDuration").asDouble(), 1e-3);
        assertEquals(4.0, heard.get("end").asDouble() - heard.get("start").asDouble(), 1e-9);
        String notice = out.get("notices").get(0).asText();
        assertTrue(notice.contains(String.format(java.util.Locale.ROOT, "heard %.1f-%.1f s", heard.get("start").asDouble(),
                heard.get("end").asDouble())), notice);
    }

    @Test
    void aConversationLongerThanTheContextLosesItsOldestTurnsAndSaysSo() throws IOException, ChatInputException {
        List<ChatTurn> history = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            history.add(new ChatTurn(i % 2 == 0 ? ChatRole.USER : ChatRole.ASSISTANT, "Turn " + i + ": " + "where is it? ".repeat(6)));
        }
        ChatAnswer answer = lalm.answer(new ChatRequest(Wav.read(fixture.wavs.getFirst()), history, TinyLalmFixture.COUNT_QUESTION,
                null, false, GenerationSettings.greedy(40)), x -> { }, TaskContext.none());
        String notice = answer.notices().stream().filter(n -> n.contains("left out")).findFirst().orElseThrow();
        assertTrue(notice.contains("oldest turns") && notice.contains("256"), notice);
        assertTrue(answer.promptTokens() <= 256 - 40, answer.promptTokens() + " prompt positions");
    }

    @Test
    void aMismatchedCheckpointNamesTheTensor() throws Exception {
        Path broken = dir.resolve("lalm-broken");
        copyTree(fixture.checkpoint, broken);
        ObjectNode json = (ObjectNode) JSON.readTree(broken.resolve("model.json").toFile());
        ((ObjectNode) json.get("lm")).put("intermediate_size", 96);
        JSON.writeValue(broken.resolve("model.json").toFile(), json);
        InputException e = assertThrows(InputException.class,
                () -> AskCli.run(fixture.wavs.getFirst().toString(), "Where?", "--checkpoint", broken.toString()));
        assertOneLine(e.getMessage());
        assertTrue(e.getMessage().contains("model.layers.0.mlp.gate_proj.weight"), e.getMessage());
        // the chat's Load LALM checkpoint: the error state names the tensor, and no model is kept
        try (Chat chat = new Chat(broken)) {
            assertEquals(ChatState.ERROR, chat.vm.stateProperty().get());
            assertTrue(chat.vm.stateTextProperty().get().contains("model.layers.0.mlp.gate_proj.weight"), chat.vm.stateTextProperty().get());
            assertTrue(chat.vm.modelProperty().get() == null);
        }
    }

    @Test
    void withoutACheckpointAskUsesTheShippedLalm() throws Exception {
        JsonNode json = JSON.readTree(AskCli.run(fixture.wavs.getFirst().toString(), TinyLalmFixture.MCQ_QUESTION, "--options",
                String.join(";", TinyLalmFixture.OPTIONS), "--json"));
        assertTrue(json.get("answer").asText().contains("<answer>"), "the shipped lalm-tiny answers in its trained form: " + json);
        assertEquals(4.0, json.get("heard").get("end").asDouble(), 1e-9, "and hears the whole 4-s clip");
        // a multiple-choice question is reasoned through by default (decision record 0003); --no-think closes the reasoning
        assertFalse(json.get("think").asText("").isBlank(), "it reasons before a multiple-choice answer: " + json);
        JsonNode direct = JSON.readTree(AskCli.run(fixture.wavs.getFirst().toString(), TinyLalmFixture.MCQ_QUESTION, "--options",
                String.join(";", TinyLalmFixture.OPTIONS), "--no-think", "--json"));
        assertTrue(direct.get("answer").asText().startsWith("<think></think>"), direct.toString());
    }

    /** The chat's view model with tasks run on the calling thread, after Load LALM checkpoint on {@code checkpoint}. */
    private static final class Chat implements AutoCloseable {
        final ChatViewModel vm;

        Chat(Path checkpoint) {
            vm = new ChatViewModel(new TaskService(Runnable::run, Runnable::run), Runnable::run, (d, t) -> Lalm.load(d), null,
                    new ChatHistoryStore(dir.resolve("history-" + System.nanoTime())));
            vm.loadModel(checkpoint);
        }

        @Override
        public void close() {
            if (vm.modelProperty().get() != null) {
                vm.modelProperty().get().close();
            }
        }
    }

    /** The first fixture scene followed by half of the second: 6 s, longer than the model's 4-s window. */
    private static AudioClip sixSecondClip() throws IOException {
        AudioClip a = Wav.read(fixture.wavs.get(0));
        AudioClip b = Wav.read(fixture.wavs.get(1));
        float[][] joined = new float[4][];
        for (int c = 0; c < 4; c++) {
            joined[c] = new float[a.frames() + b.frames() / 2];
            System.arraycopy(a.channel(c), 0, joined[c], 0, a.frames());
            System.arraycopy(b.channel(c), 0, joined[c], a.frames(), b.frames() / 2);
        }
        return new AudioClip(a.sampleRate(), joined);
    }

    /** The CLI prints an InputException's message as the one line of a failed command (exit 2). */
    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n") || message.contains("\r"), "one line: " + message);
    }

    private static ChatRequest request(AudioClip clip, String question) {
        return new ChatRequest(clip, List.of(), question, null, false, GenerationSettings.greedy(40));
    }

    /** Runs {@code notmono ask} in this JVM and returns what it printed; bad input surfaces as the thrown InputException. */
    @Test
    void aPackedCheckpointStoresFloat16WeightsAndStillAnswersRight() throws Exception {
        Path packed = dir.resolve("packed");
        PackCommand pack = new PackCommand();
        new CommandLine(pack).parseArgs(fixture.checkpoint.toString(), "-o", packed.toString());
        assertEquals(0, pack.call());
        Path original = fixture.checkpoint.resolve("lm.safetensors");
        Path small = packed.resolve("lm.safetensors");
        assertTrue(SafeTensorsReader.entries(small).stream().allMatch(e -> e.type() == SafeTensorType.F16));
        assertTrue(Files.size(small) < 0.6 * Files.size(original), Files.size(small) + " bytes of " + Files.size(original));
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> full = SafeTensorsReader.read(original, m);
            Map<String, NDArray> half = SafeTensorsReader.read(small, m);
            assertEquals(full.keySet(), half.keySet());
            for (String name : full.keySet()) {
                float[] f = full.get(name).toFloatArray();
                float[] h = half.get(name).toFloatArray();
                for (int i = 0; i < f.length; i++) {
                    assertEquals(Float.float16ToFloat(Float.floatToFloat16(f[i])), h[i], name + "[" + i + "]");
                }
            }
        }
        for (int i = 0; i < 2; i++) {
            String answer = AskCli.run(fixture.wavs.get(i).toString(), TinyLalmFixture.COUNT_QUESTION, "--checkpoint", packed.toString());
            assertEquals(TinyLalmFixture.openAnswer(fixture.counts.get(i)).replaceAll("</?answer>", ""), answer.strip());
        }
        PackCommand again = new PackCommand();
        new CommandLine(again).parseArgs(fixture.checkpoint.toString(), "-o", packed.toString());
        InputException e = assertThrows(InputException.class, again::call);
        assertTrue(e.getMessage().contains("exists"), e.getMessage());
    }

    /** Copies a folder and everything in it (a checkpoint, for a test that edits its copy). */
    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
