package org.notmono.model.chat.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.fx.task.TaskService;
import org.notmono.model.chat.ChatRole;
import org.notmono.model.chat.OptionChoice;
import org.notmono.model.chat.QuestionSource;
import org.notmono.model.chat.SuggestedQuestion;
import org.notmono.model.chat.session.AnswerCheck;
import org.notmono.model.chat.session.ChatClip;
import org.notmono.model.chat.session.ChatHistoryStore;
import org.notmono.model.chat.session.Exchange;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TaskContext;

/**
 * The chat's view model without a window: tasks and UI updates run on the calling thread, so
 * every step is observable in order; the model is a scripted double of the LALM.
 */
class ChatViewModelTest {
    private static final String THOUGHT = "<think>I hear a dog to the left. </think><answer>It is to the left. </answer>";
    @TempDir
    static Path dir;
    private static Path wav;
    private static Rtsd truth;

    private final Path home = dir.resolve("history-" + System.nanoTime());
    private final TaskService tasks = new TaskService(Runnable::run, Runnable::run);

    @BeforeAll
    static void renderAScene() throws Exception {
        var library = ClipLibraries.standard();
        Scene scene = new RandomSceneGenerator(library, 2.0).generate(100000, 1);
        ClipLoader clips = new ClipLoader(library, dir);
        RenderedScene rendered = new SceneRenderer(clips).render(scene, TaskContext.none());
        wav = dir.resolve("scene.wav");
        truth = new RtsdBuilder(clips).build("chat-test", 100000L, 1L, scene, rendered);
        RenderOutput.write(wav, rendered, truth, scene.sampleRate(), SampleEncoding.PCM_16);
    }

    /** Suggestions from the ground truth as the ASA generator gives them: how many sources, with the count's letter. */
    private static final QuestionSource COUNTING = (rtsd, count, mc, seed) -> {
        if (rtsd == null) {
            return List.of(new SuggestedQuestion("counting", "How many sources do you hear?", mc ? List.of("1", "2", "3", "4") : null,
                    null, null, List.of()));
        }
        int n = rtsd.sources().size();
        return List.of(new SuggestedQuestion("counting", "How many sources do you hear?", mc ? List.of("1", "2", "3", "4") : null,
                mc ? (char) ('A' + n - 1) : null, String.valueOf(n), List.of("/sources has " + n + " entries")));
    };

    private ChatViewModel viewModel(ScriptedChatModel model) {
        ChatViewModel vm = new ChatViewModel(tasks, Runnable::run, (d, t) -> model, COUNTING, new ChatHistoryStore(home));
        if (model != null) {
            vm.setModel(model);
        }
        return vm;
    }

    private static void ask(ChatViewModel vm, String q) {
        vm.questionProperty().set(q);
        vm.ask();
    }

    @Test
    void theStateSaysWhatIsMissingAndFollowsLoadingAndGenerating() throws Exception {
        Queue<Runnable> background = new ArrayDeque<>();
        ScriptedChatModel model = new ScriptedChatModel(4, r -> THOUGHT);
        ChatViewModel vm = new ChatViewModel(new TaskService(background::add, Runnable::run), Runnable::run,
                (d, t) -> model, COUNTING, new ChatHistoryStore(home));
        assertEquals(ChatState.NO_MODEL, vm.stateProperty().get());
        assertWordingsAgree(vm);
        assertTrue(vm.stateTextProperty().get().contains("Load LALM checkpoint"), vm.stateTextProperty().get());
        vm.loadModel(dir.resolve("lalm-tiny"));
        assertEquals(ChatState.LOADING, vm.stateProperty().get());
        assertEquals("Loading lalm-tiny", vm.stateHeadingProperty().get());
        assertWordingsAgree(vm);
        background.poll().run();
        assertEquals(ChatState.NO_CLIP, vm.stateProperty().get());
        assertWordingsAgree(vm);
        vm.attach(wav);
        assertEquals(ChatState.LOADING, vm.stateProperty().get());
        assertEquals("Attaching " + wav.getFileName(), vm.stateHeadingProperty().get());
        assertWordingsAgree(vm);
        background.poll().run();
        background.poll().run(); // the encoder's slots
        assertEquals(ChatState.READY, vm.stateProperty().get());
        assertWordingsAgree(vm);
        assertFalse(vm.canAskProperty().get(), "nothing to ask yet");
        vm.questionProperty().set("Where is the dog?");
        assertTrue(vm.canAskProperty().get());
        vm.ask();
        assertEquals(ChatState.GENERATING, vm.stateProperty().get());
        assertWordingsAgree(vm);
        assertFalse(vm.canAskProperty().get(), "one answer at a time");
        background.poll().run();
        assertEquals(ChatState.READY, vm.stateProperty().get());
        assertWordingsAgree(vm);

        ChatViewModel failing = new ChatViewModel(tasks, Runnable::run, (d, t) -> {
            throw new IOException("lm.safetensors: tensor model.layers.0.mlp.up_proj.weight is [704, 256], the config says [512, 256]");
        }, null, new ChatHistoryStore(home));
        failing.loadModel(dir.resolve("lalm-bad"));
        assertEquals(ChatState.ERROR, failing.stateProperty().get());
        assertWordingsAgree(failing);
        assertTrue(failing.stateTextProperty().get().contains("up_proj.weight"), "the error names the tensor");
        assertNull(failing.modelProperty().get());
    }

    /**
     * An empty conversation shows the heading with the hint under it, so the hint must not begin with the heading's
     * words; the banner's sentence carries the hint whole.
     */
    private static void assertWordingsAgree(ChatViewModel vm) {
        String heading = vm.stateHeadingProperty().get();
        String hint = vm.stateHintProperty().get();
        assertFalse(heading.isBlank() || hint.isBlank(), vm.stateProperty().get() + ": " + heading + " / " + hint);
        assertFalse(hint.toLowerCase(Locale.ROOT).startsWith(heading.toLowerCase(Locale.ROOT)), "the hint repeats the heading: " + hint);
        assertTrue(vm.stateTextProperty().get().endsWith(hint), vm.stateTextProperty().get());
    }

    @Test
    void theAnswerStreamsPieceByPieceAndTheRequestCarriesTheConversation() {
        ScriptedChatModel model = new ScriptedChatModel(4, r -> THOUGHT);
        ChatViewModel vm = viewModel(model);
        vm.attach(wav);
        List<String> seen = new ArrayList<>();
        List<ChatState> states = new ArrayList<>();
        vm.streamingProperty().addListener((o, a, b) -> {
            seen.add(b);
            states.add(vm.stateProperty().get());
        });
        ask(vm, "Where is the dog?");
        List<String> shown = seen.stream().filter(s -> !s.isEmpty()).toList();
        assertEquals(THOUGHT.split("(?<= )").length, shown.size(), "one update per piece on a direct UI executor");
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i).startsWith(shown.get(i - 1)), "each update extends the one before");
        }
        assertEquals(THOUGHT, shown.getLast());
        assertTrue(states.subList(0, shown.size()).stream().allMatch(s -> s == ChatState.GENERATING));
        assertEquals(1, vm.exchanges().size());
        Exchange e = vm.exchanges().getFirst();
        assertEquals("I hear a dog to the left.", e.answer().think());
        assertEquals("It is to the left.", e.answer().answer());
        assertEquals("", vm.streamingProperty().get());
        assertEquals("", vm.questionProperty().get(), "the composer is emptied");

        vm.multipleChoiceProperty().set(true);
        vm.questionProperty().set("Which side?");
        List<String> sides = List.of("left", "right", "front", "behind");
        for (int i = 0; i < 4; i++) {
            vm.optionProperty(i).set(sides.get(i));
        }
        vm.thinkProperty().set(false);
        vm.ask();
        var second = model.requests.get(1);
        assertEquals(List.of("left", "right", "front", "behind"), second.options());
        assertFalse(second.think());
        assertEquals(2, second.history().size(), "the first exchange is read back");
        assertEquals(ChatRole.USER, second.history().getFirst().role());
        assertEquals("Where is the dog?", second.history().getFirst().text());
        assertEquals(THOUGHT, second.history().get(1).text());
        assertEquals(4, second.foa().channelCount());
    }

    @Test
    void stopKeepsWhatWasSaidAndLaterQuestionsDoNotBuildOnIt() {
        ScriptedChatModel model = new ScriptedChatModel(4, r -> THOUGHT);
        ChatViewModel vm = viewModel(model);
        vm.attach(wav);
        model.afterPiece = n -> {
            if (n == 3) {
                vm.stop();
            }
        };
        ask(vm, "Where is the dog?");
        Exchange e = vm.exchanges().getFirst();
        assertTrue(e.answer().stopped());
        assertEquals(String.join("", List.of(THOUGHT.split("(?<= )")).subList(0, 3)), e.answer().text());
        assertEquals(ChatState.READY, vm.stateProperty().get());
        assertFalse(e.complete());
        assertFalse(vm.regenerateRepeatsProperty().get(), "a stopped answer is worth asking again, even at Temperature 0");
        model.afterPiece = n -> { };
        ask(vm, "And now?");
        assertTrue(model.requests.get(1).history().isEmpty(), "a stopped answer is not read back to the model");
    }

    @Test
    void aMonoClipIsRefusedWithAReasonAndTheErrorIsKeptInTheConversation() throws Exception {
        Path mono = dir.resolve("mono.wav");
        Wav.write(mono, AudioClip.mono(16000, new float[16000]), SampleEncoding.PCM_16);
        ChatViewModel vm = viewModel(new ScriptedChatModel(4, r -> THOUGHT));
        vm.attach(mono);
        assertEquals(ChatState.ERROR, vm.stateProperty().get());
        assertTrue(vm.stateTextProperty().get().contains("4-channel FOA"), vm.stateTextProperty().get());
        assertTrue(vm.slotsNoteProperty().get().contains("not FOA"));
        ask(vm, "Where?");
        assertEquals(ChatState.ERROR, vm.stateProperty().get());
        assertTrue(vm.exchanges().getFirst().error().contains("4-channel FOA"));
    }

    @Test
    void aLongClipIsHeardThroughTheModelsWindowAndTheSlotsAreForThatSpan() throws Exception {
        // 2 s of silence but for a sound at 1.6-1.9 s: of the 0.5-s windows on the one-second grid (0, 1, 1.5 s) the
        // last holds it, and the LALM hears that one (AudioWindow): so do the top bar and the slots before any answer
        float[][] foa = new float[4][32000];
        java.util.Arrays.fill(foa[0], 25600, 30400, 0.5f);
        Path late = dir.resolve("late.wav");
        Wav.write(late, new AudioClip(16000, foa), SampleEncoding.PCM_16);
        ChatViewModel vm = viewModel(new ScriptedChatModel(0.5, r -> THOUGHT));
        vm.attach(late);
        assertEquals(1.5, vm.heardProperty().get().start(), 1e-9);
        assertEquals(2.0, vm.heardProperty().get().end(), 1e-9);
        assertEquals(2.0, vm.heardProperty().get().clipDuration(), 1e-3);
        assertFalse(vm.heardProperty().get().whole());
        assertEquals(0.05, vm.slotsProperty().get().slots().getFirst().existence(), 1e-3, "the encoder heard 0.5 s");
        assertTrue(vm.slotsNoteProperty().get().endsWith("1.50-2.00 s"), vm.slotsNoteProperty().get());
    }

    @Test
    void aBenchmarkClipComesWithItsLineOfTheBenchmarksRtsdAsGroundTruth() throws Exception {
        Path clips = Files.createDirectories(dir.resolve("asa-bench").resolve("clips"));
        Path clip = Files.copy(wav, clips.resolve("00000001.wav")); // the benchmark layout: clips/ and rtsd.jsonl beside it
        Files.writeString(clips.resolveSibling("rtsd.jsonl"), RtsdJson.line(truth) + "\n");
        ChatViewModel vm = viewModel(new ScriptedChatModel(4, r -> "<answer>A</answer>"));
        vm.attach(clip);
        ChatClip attached = vm.clipProperty().get();
        assertEquals(clip.toAbsolutePath().normalize(), attached.file());
        assertEquals("asa-bench/rtsd.jsonl line 1", attached.truthOrigin());
        assertEquals(truth.sources().size(), attached.truth().sources().size());
        vm.multipleChoiceProperty().set(true);
        assertEquals((char) ('A' + truth.sources().size() - 1), vm.suggestions().getFirst().answerLetter(),
                "suggestions are checked against the benchmark's truth");
    }

    @Test
    void aMultipleChoiceSuggestionIsCheckedAgainstItsKnownLetter() {
        int n = truth.sources().size();
        char right = (char) ('A' + n - 1);
        char wrong = right == 'A' ? 'B' : 'A';
        ScriptedChatModel model = new ScriptedChatModel(4, r -> "<answer>" + (r.history().isEmpty() ? right : wrong) + "</answer>");
        ChatViewModel vm = viewModel(model);
        vm.attach(wav);
        vm.multipleChoiceProperty().set(true);
        SuggestedQuestion s = vm.suggestions().getFirst();
        assertEquals(right, s.answerLetter());
        vm.use(s);
        assertEquals(List.of("1", "2", "3", "4"), List.of(vm.optionProperty(0).get(), vm.optionProperty(1).get(),
                vm.optionProperty(2).get(), vm.optionProperty(3).get()));
        vm.ask();
        AnswerCheck ok = vm.exchanges().getLast().check();
        assertEquals(AnswerCheck.Verdict.RIGHT, ok.verdict(), ok.summary());
        vm.use(s);
        vm.ask();
        AnswerCheck bad = vm.exchanges().getLast().check();
        assertEquals(AnswerCheck.Verdict.WRONG, bad.verdict());
        assertTrue(bad.summary().contains("chose " + wrong) && bad.summary().contains("right answer is " + right), bad.summary());
        vm.use(s);
        vm.questionProperty().set("How many sources do you hear, roughly?");
        vm.ask();
        assertNull(vm.exchanges().getLast().check(), "an edited question is the user's own: no known answer");

        vm.multipleChoiceProperty().set(false);
        vm.use(vm.suggestions().getFirst());
        vm.ask();
        AnswerCheck open = vm.exchanges().getLast().check();
        assertEquals(AnswerCheck.Verdict.FACTS, open.verdict());
        assertEquals("Ground truth: " + n, open.summary());
    }

    @Test
    void theConversationIsSavedPerClipRestoredRegeneratedAndCleared() throws Exception {
        ScriptedChatModel model = new ScriptedChatModel(4, r -> "<answer>seed " + r.settings().seed() + "</answer>");
        ChatViewModel vm = viewModel(model);
        vm.attach(wav);
        ask(vm, "First?");
        ask(vm, "Second?");
        List<Exchange> before = List.copyOf(vm.exchanges());

        ChatViewModel restarted = viewModel(new ScriptedChatModel(4, r -> THOUGHT));
        restarted.attach(wav);
        assertEquals(before, restarted.exchanges(), "the same exchanges after a restart");

        assertEquals(model.name(), restarted.exchanges().getLast().model(), "the same name as the model loaded now");
        assertFalse(restarted.regenerateRepeatsProperty().get(),
                "yet another model (another checkpoint of one curriculum has the same name) may answer otherwise");
        restarted.regenerate();
        assertEquals(2, restarted.exchanges().size());
        assertEquals("Second?", restarted.exchanges().getLast().question().text());
        assertEquals("It is to the left.", restarted.exchanges().getLast().answer().answer(), "the last answer is replaced");
        List<Exchange> regenerated = List.copyOf(restarted.exchanges());

        assertTrue(restarted.regenerateRepeatsProperty().get(), "at Temperature 0 this model's own answer would repeat");
        restarted.regenerate();
        assertEquals(regenerated, restarted.exchanges(), "so Regenerate does nothing");
        restarted.optionChoiceProperty().set(OptionChoice.CONSENSUS);
        assertTrue(restarted.regenerateRepeatsProperty().get(), "the consensus samples nothing for an open question");
        restarted.optionChoiceProperty().set(OptionChoice.LIKELIEST);
        restarted.temperatureProperty().set(0.7);
        assertFalse(restarted.regenerateRepeatsProperty().get());
        restarted.regenerate();
        assertEquals(2, restarted.exchanges().size());
        assertEquals("Second?", restarted.exchanges().getLast().question().text());

        Path copy = dir.resolve("copy-" + System.nanoTime() + ".wav");
        Files.copy(wav, copy);
        ChatViewModel other = viewModel(model);
        other.attach(copy);
        assertTrue(other.exchanges().isEmpty(), "another path is another conversation");

        restarted.clear();
        assertTrue(restarted.exchanges().isEmpty());
        ChatViewModel again = viewModel(model);
        again.attach(wav);
        assertTrue(again.exchanges().isEmpty(), "clearing deletes the saved conversation");
    }

    @Test
    void theMarkdownExportHoldsEveryQuestionOptionReasoningAndAnswerInOrder() throws Exception {
        ScriptedChatModel model = new ScriptedChatModel(4, r -> r.options() == null ? THOUGHT : "<answer>B</answer>");
        ChatViewModel vm = viewModel(model);
        vm.attach(wav);
        ask(vm, "Where is the dog?");
        vm.multipleChoiceProperty().set(true);
        vm.use(vm.suggestions().getFirst());
        vm.ask();
        Path md = dir.resolve("chat-" + System.nanoTime() + ".md");
        vm.exportMarkdown(md);
        String text = Files.readString(md);
        assertEquals(vm.markdown(), text);
        // read the export back: headings, options and answers in the order they were given
        Matcher you = Pattern.compile("(?m)^## (\\d+)\\. You\\n\\n(.+)$").matcher(text);
        List<String> questions = new ArrayList<>();
        while (you.find()) {
            questions.add(you.group(1) + ":" + you.group(2));
        }
        assertEquals(List.of("1:Where is the dog?", "2:How many sources do you hear?"), questions);
        assertTrue(text.contains("<details><summary>Reasoning</summary>\n\nI hear a dog to the left.\n\n</details>"), text);
        assertTrue(text.contains("\nIt is to the left.\n"));
        assertTrue(text.contains("- A. 1\n- B. 2\n- C. 3\n- D. 4\n"));
        AnswerCheck check = vm.exchanges().getLast().check();
        assertTrue(text.contains("**Check:** " + check.summary()), text);
        assertTrue(text.contains(truth.text()), "the clip's ground truth is in the header");
        assertTrue(text.indexOf("Where is the dog?") < text.indexOf("How many sources"));
        assertNotNull(ChatViewModel.copyText(vm.exchanges().getFirst()));
        assertEquals("It is to the left.", ChatViewModel.copyText(vm.exchanges().getFirst()));
    }

    @Test
    void aDamagedHistoryIsReportedNotSilentlyDropped() throws Exception {
        ChatHistoryStore store = new ChatHistoryStore(home);
        Path file = store.fileFor(ChatClip.load(wav, TaskContext.none()));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"format\": \"notmono.chat/1\", \"exchanges\": [{\"question\": 3}]}");
        ChatViewModel vm = viewModel(new ScriptedChatModel(4, r -> THOUGHT));
        vm.attach(wav);
        assertEquals(ChatState.ERROR, vm.stateProperty().get());
        assertTrue(vm.stateTextProperty().get().contains("cannot be read"), vm.stateTextProperty().get());
        assertTrue(Files.exists(file), "the damaged file is left for the user");
    }

    @Test
    void anotherCheckpointOfTheSameNameCanRegenerateAtTemperatureZero() throws Exception {
        ScriptedChatModel first = new ScriptedChatModel(4, r -> "<answer>first</answer>");
        ScriptedChatModel second = new ScriptedChatModel(4, r -> THOUGHT);
        assertEquals(first.name(), second.name(), "as two steps of one curriculum");
        ChatViewModel vm = viewModel(first);
        Path clip = dir.resolve("same-name-" + System.nanoTime() + ".wav");
        Files.copy(wav, clip);
        vm.attach(clip);
        ask(vm, "Where is it?");
        assertTrue(vm.regenerateRepeatsProperty().get(), "at Temperature 0 the same model repeats itself");
        vm.setModel(second);
        assertFalse(vm.regenerateRepeatsProperty().get(), "another model may answer otherwise");
        vm.regenerate();
        assertEquals(1, vm.exchanges().size());
        assertEquals("It is to the left.", vm.exchanges().getLast().answer().answer(), "the second model's answer replaces it");
        assertTrue(vm.regenerateRepeatsProperty().get());
    }

    @Test
    void loadingAnotherModelClosesTheOneBefore() {
        ScriptedChatModel first = new ScriptedChatModel(4, r -> THOUGHT);
        ScriptedChatModel second = new ScriptedChatModel(4, r -> THOUGHT);
        ChatViewModel vm = viewModel(first);
        vm.setModel(second);
        assertTrue(first.closed);
        assertFalse(second.closed);
    }
}
