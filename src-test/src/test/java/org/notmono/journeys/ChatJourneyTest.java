package org.notmono.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import ai.djl.Device;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.settings.SettingsStore;
import org.notmono.app.ui.ChatServices;
import org.notmono.app.ui.MainWindow;
import org.notmono.app.ui.Workspace;
import org.notmono.fx.task.TaskService;
import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatInputException;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.OptionChoice;
import org.notmono.model.chat.SpatialChatModel;
import org.notmono.model.chat.session.Exchange;
import org.notmono.model.chat.session.TaggedText;
import org.notmono.model.chat.ui.ChatState;
import org.notmono.model.chat.ui.ChatViewModel;
import org.notmono.model.encoder.ShippedCheckpoint;
import org.notmono.model.lalm.ChatPrompt;
import org.notmono.model.lalm.FreshLalm;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.lalm.OptionLikelihood;
import org.notmono.model.lalm.WalkText;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.task.TaskContext;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A researcher loads a real tiny LALM from File > Load LALM checkpoint..., builds a random scene
 * and asks about it from the Scene workspace, watches the answer stream into the chat, stops a
 * second answer with Esc, opens the first answer's reasoning, and after closing and reopening
 * the app finds the conversation about that clip again. The LALM is made by the test through
 * the model's public API: a tiny decoder and projector over the shipped encoder, drilled for a
 * few seconds to answer in the {@code <think>...</think><answer>...</answer>} form, so the
 * reasoning section has something to show; its words are not asserted.
 */
@ExtendWith(ApplicationExtension.class)
class ChatJourneyTest {
    private static final String FIRST = "How many sources do you hear?";
    private static final String SECOND = "And where?";
    private static final String DRILLED = "<think>I listen to the room. </think><answer>I hear the sources.</answer>";
    @TempDir
    static Path dir;
    private static Path checkpoint;

    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    private final TaskService tasks = TaskService.forApplication();
    private SettingsStore store;
    private MainWindow window;
    private volatile PacedLalm model;

    /** A tiny LALM saved as a lalm-*&#47; checkpoint, as the menu opens it. */
    @BeforeAll
    static void saveATinyLalm() throws Exception {
        Path encoder = ShippedCheckpoint.extract().orElseThrow();
        List<String> corpus = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            corpus.add(ChatPrompt.render(List.of(), FIRST, true) + DRILLED + ChatPrompt.render(List.of(), SECOND, true));
            // a walk's judgements, so the tokenizer writes " yes" and " no" as one token each, as the walk posterior reads them
            corpus.add(WalkText.ending(List.of("One", "Two", "Three", "Four"), 3));
        }
        checkpoint = dir.resolve("lalm-journey");
        try (LalmModel lalm = FreshLalm.create("journey", encoder, new Qwen2Config(400, 32, 64, 1, 2, 1, 512, 10000, 1e-6, true),
                400, corpus, dir.resolve("tokenizer.json"), 32, 64, 7, Device.cpu())) {
            float loss = FreshLalm.drill(lalm, List.of(ChatPrompt.render(List.of(), FIRST, true)), DRILLED, 400, 0.05f, 3);
            assertTrue(loss < 0.05, "the drill converged: loss " + loss);
            LalmCheckpoint.save(lalm, checkpoint, Map.of("steps", "journey drill"));
        }
    }

    @Start
    void start(Stage stage) {
        // a desktop with this app alone: windows other journeys left open would take the clicks
        List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide);
        store = new SettingsStore(dir.resolve("home-" + System.nanoTime()).resolve("settings.json"));
        window = open(stage);
        window.show();
    }

    /**
     * The main window with the app's own LALM loader, paced so the test can look at an answer
     * half-way, and no shipped LALM: the journey starts with no model and loads its own
     * (ShippedLalmGuardTest tests the shipped one).
     */
    private MainWindow open(Stage stage) {
        ChatServices app = ChatServices.builtIn();
        ChatServices services = new ChatServices((folder, task) -> {
            model = new PacedLalm(app.loader().load(folder, task));
            return model;
        }, task -> java.util.Optional.empty(), app.questions());
        return new MainWindow(stage, tasks, store, dialogs, () -> { }, services);
    }

    /** The first node matching {@code query} in this test's window (earlier tests' windows may still be open). */
    private Node find(FxRobot robot, String query) {
        return robot.from(window.stage().getScene().getRoot()).lookup(query).query();
    }

    /**
     * Presses a button as a click would (fires its action). Journeys drive the mouse only where
     * the pointer itself matters: a mouse left in a drag by an earlier journey would eat the click.
     */
    private void press(FxRobot robot, String query) {
        javafx.scene.control.ButtonBase b = (javafx.scene.control.ButtonBase) find(robot, query);
        assertFalse(b.isDisabled(), query + " is enabled");
        robot.interact(b::fire);
    }

    /** Gives a control the keyboard focus and returns the robot to type into it. */
    private FxRobot focus(FxRobot robot, String query) {
        Node n = find(robot, query);
        robot.interact(n::requestFocus);
        return robot;
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, condition); // generous: the machine may be shared
    }

    @Test
    void askAboutARenderedSceneStreamStopReasonAndFindItAgainAfterARestart(FxRobot robot) throws Exception {
        ChatViewModel chat = window.model().chat();
        assertEquals(ChatState.NO_MODEL, chat.stateProperty().get());

        dialogs.willPick(checkpoint.resolve("model.json"));
        robot.press(KeyCode.SHORTCUT, KeyCode.ALT, KeyCode.L).release(KeyCode.L, KeyCode.ALT, KeyCode.SHORTCUT);
        waitUntil(() -> chat.modelProperty().get() != null);
        assertEquals(Workspace.CHAT, window.model().workspaceProperty().get(), "loading a model shows the chat");
        assertEquals(ChatState.NO_CLIP, chat.stateProperty().get());
        waitUntil(() -> robot.lookup(".chat-empty-title").tryQuery().map(t -> ((Label) t).getText().equals("No clip attached")).orElse(false));
        assertEquals(List.of("No clip attached", "Open a WAV in Listen & View, or use Ask about this scene in the Scene workspace."),
                robot.lookup("#chat-empty").<VBox>query().getChildren().stream().map(n -> ((Label) n).getText()).toList(),
                "the empty chat says what is missing once, then what to do");
        assertEquals("NotMono LALM (journey)", chat.modelProperty().get().name(), "the checkpoint's own model, named by its model.json");

        robot.interact(() -> window.model().workspaceProperty().set(Workspace.SCENE));
        press(robot, "#random-scene");
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.SHORTCUT); // Scene > Ask about this scene
        waitUntil(() -> {
            assertTrue(tasks.failures().isEmpty(), () -> "no task fails: " + tasks.failures());
            return chat.clipProperty().get() != null && chat.slotsProperty().get() != null;
        });
        assertEquals(Workspace.CHAT, window.model().workspaceProperty().get());
        assertEquals(ChatState.READY, chat.stateProperty().get());
        assertNotNull(chat.clipProperty().get().truth(), "the rendered scene comes with its ground truth");
        assertEquals(chat.clipProperty().get().truth().sources().size(),
                ((javafx.scene.layout.GridPane) find(robot, "#chat-truth")).getChildren().size() / 6 - 1,
                "a row per true source under the header");
        assertTrue(((Label) find(robot, "#chat-clip-name")).getText().endsWith(".wav"));
        assertFalse(chat.suggestions().isEmpty(), "the ASA generator suggests questions about the scene");
        assertTrue(chat.suggestions().stream().allMatch(q -> q.hasAnswer()), "made from its RTSD, they know their answers");
        double duration = chat.clipProperty().get().audio().duration();
        assertEquals(duration <= model.windowSeconds(), ((Label) find(robot, "#chat-heard")).getText().contains("the model hears all of it"));
        SlotPrediction expected = model.encoder().predict(chat.clipProperty().get().audio(), TaskContext.none());
        assertEquals(expected.count(), chat.slotsProperty().get().count(), "the LALM's encoder's slots for the clip are shown");

        // the first answer pauses after its first pieces: the reply is on screen while it streams
        model.hold = new CountDownLatch(1);
        focus(robot, "#chat-question").write(FIRST).type(KeyCode.ENTER);
        waitUntil(() -> model.paused);
        assertEquals(ChatState.GENERATING, chat.stateProperty().get());
        waitUntil(() -> chat.streamingProperty().get().equals(model.said()));
        assertFalse(chat.streamingProperty().get().isEmpty(), "the first tokens are on screen");
        Node live = find(robot, "#chat-live");
        TitledPane liveReasoning = robot.from(live).lookup("#chat-reasoning").queryAs(TitledPane.class);
        assertEquals(TaggedText.parse(model.said()).thinking(), "Reasoning (thinking...)".equals(liveReasoning.getText()),
                "the reasoning section says it is thinking exactly while the text is inside <think>");
        model.hold.countDown();
        waitUntil(() -> chat.exchanges().size() == 1);
        Exchange first = chat.exchanges().getFirst();
        assertFalse(first.answer().stopped());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(((Button) find(robot, "#chat-regenerate")).isDisabled(), "a whole greedy answer would come back the same");
        assertEquals(model.lastText, first.answer().text(), "the exchange keeps the model's whole streamed text");
        assertTrue(first.answer().generatedTokens() > PacedLalm.PAUSE_AFTER, "it went on after the pause");

        // the second one is stopped with Esc and keeps what it said
        model.hold = new CountDownLatch(1);
        focus(robot, "#chat-question").write(SECOND).type(KeyCode.ENTER);
        waitUntil(() -> model.paused);
        String before = model.said();
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> chat.exchanges().size() == 2);
        Exchange second = chat.exchanges().getLast();
        assertTrue(second.answer().stopped());
        assertEquals(before, second.answer().text(), "stopped at the pause: what was said so far, nothing after");
        assertEquals(ChatState.READY, chat.stateProperty().get());

        // the finished answer's reasoning is collapsed until asked for
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(first.answer().think(), "the drilled model reasons in <think> first: " + first.answer().text());
        TitledPane reasoning = (TitledPane) find(robot, "#chat-reasoning");
        assertTrue(reasoning.isVisible());
        assertFalse(reasoning.isExpanded());
        robot.interact(() -> reasoning.setExpanded(true)); // as a click on its title does
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(reasoning.isExpanded());
        assertEquals(first.answer().think(), ((Label) reasoning.getContent()).getText());
        assertEquals(first.answer().answer(), ((Label) find(robot, "#chat-answer")).getText());

        // Regenerate at Temperature 0 (greedy): the stopped answer is worth asking again
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(((Button) find(robot, "#chat-regenerate")).isDisabled(), "a stopped answer can be asked again");

        // close and reopen: the conversation about this clip is back
        Path clip = chat.clipProperty().get().file();
        List<Exchange> asked = List.copyOf(chat.exchanges());
        robot.interact(window::close);
        robot.interact(() -> {
            window = open(new Stage());
            window.show();
            window.model().open(clip);
        });
        ChatViewModel again = window.model().chat();
        waitUntil(() -> again.clipProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(asked, List.copyOf(again.exchanges()));
        robot.interact(() -> window.model().workspaceProperty().set(Workspace.CHAT));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, robot.from(window.stage().getScene().getRoot()).lookup(".chat-exchange").queryAll().size(),
                "both exchanges are on screen");
        robot.interact(window::close);
    }

    @Test
    void aMultipleChoiceAnswerNamesItsOptionAsTheResearcherChoosesUnderAnswerBy(FxRobot robot) throws Exception {
        ChatViewModel chat = window.model().chat();
        dialogs.willPick(checkpoint.resolve("model.json"));
        robot.press(KeyCode.SHORTCUT, KeyCode.ALT, KeyCode.L).release(KeyCode.L, KeyCode.ALT, KeyCode.SHORTCUT);
        waitUntil(() -> chat.modelProperty().get() != null);
        robot.interact(() -> window.model().workspaceProperty().set(Workspace.SCENE));
        press(robot, "#random-scene");
        robot.press(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.SHORTCUT);
        waitUntil(() -> chat.clipProperty().get() != null && chat.stateProperty().get() == ChatState.READY);

        @SuppressWarnings("unchecked")
        ComboBox<OptionChoice> answerBy = (ComboBox<OptionChoice>) find(robot, "#chat-answer-by");
        assertTrue(answerBy.isDisabled(), "an open question has no options to weigh");
        robot.interact(() -> ((CheckBox) find(robot, "#chat-mc")).fire());
        assertFalse(answerBy.isDisabled());
        assertEquals(List.of(OptionChoice.values()), answerBy.getItems(), "every choice ask --choice has");
        assertEquals(OptionChoice.LIKELIEST, answerBy.getValue(), "the likeliest option by default");
        List<String> options = List.of("One", "Two", "Three", "Four");
        List<String> weighedSoFar = new ArrayList<>();
        for (OptionChoice choice : OptionChoice.values()) {
            robot.interact(() -> answerBy.getSelectionModel().select(choice));
            assertEquals(choice, chat.optionChoiceProperty().get());
            assertEquals(choice.description(), answerBy.getTooltip().getText(), "the tooltip says what the choice means");
            for (int i = 0; i < 4; i++) {
                focus(robot, "#chat-option-" + "abcd".charAt(i)).write(options.get(i));
            }
            focus(robot, "#chat-question").write(FIRST).type(KeyCode.ENTER);
            int asked = choice.ordinal() + 1;
            waitUntil(() -> chat.exchanges().size() == asked);
            ChatAnswer a = chat.exchanges().getLast().answer();
            List<String> weighed = a.notices().stream().filter(n -> n.startsWith("The answer is the option")).toList();
            switch (choice) {
                case LIKELIEST -> {
                    // what the model wrote up to its answer, then the option it finds likeliest, as the notice says
                    assertEquals(1, weighed.size(), a.notices().toString());
                    assertTrue(weighed.getFirst().matches("The answer is the option the model finds likeliest after its reasoning"
                            + " \\(A \\d+%, B \\d+%, C \\d+%, D \\d+%\\); it wrote (no letter|[A-D])\\."), weighed.getFirst());
                    assertNotNull(a.letter());
                    assertEquals(OptionLikelihood.answerPrefix(model.said()) + a.letter() + ". " + options.get(a.letter() - 'A') + "</answer>",
                            a.text());
                }
                case WRITTEN -> {
                    assertTrue(weighed.isEmpty(), a.notices().toString());
                    assertEquals(model.said(), a.text(), "the answer is what the model wrote");
                }
                case WALK -> {
                    // the model's reasoning, then its walk rewritten to end where it most probably ends, as the notice says
                    assertEquals(1, weighed.size(), a.notices().toString());
                    assertTrue(weighed.getFirst().matches("The answer is the option where the model's walk over the options most probably"
                            + " ends \\(A \\d+%, B \\d+%, C \\d+%, D \\d+%\\); it wrote (no letter|[A-D])\\."), weighed.getFirst());
                    List<Double> walk = a.walkPosterior();
                    assertEquals(4, walk.size());
                    assertEquals(1, walk.stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
                    int end = walk.indexOf(java.util.Collections.max(walk));
                    assertEquals((char) ('A' + end), a.letter(), walk.toString());
                    StringBuilder lines = new StringBuilder();
                    for (int j = 0; j <= end; j++) {
                        lines.append('\n').append((char) ('A' + j)).append(". ").append(options.get(j)).append(j == end ? " - yes" : " - no");
                    }
                    assertEquals(WalkText.reasoning(model.said()) + lines + "</think><answer>" + a.letter() + ". " + options.get(end)
                            + "</answer>", a.text());
                }
                case CONSENSUS -> {
                    // the model's own reasoning, then the option likeliest on average over it and the sampled ones
                    assertEquals(1, weighed.size(), a.notices().toString());
                    assertTrue(weighed.getFirst().matches("The answer is the option the model finds likeliest over [2-8] reasonings, its own"
                            + " and [1-7] sampled at temperature 0\\.7 \\(A \\d+%, B \\d+%, C \\d+%, D \\d+%; after its own alone"
                            + " A \\d+%, B \\d+%, C \\d+%, D \\d+%\\); it wrote (no letter|[A-D])\\."), weighed.getFirst());
                    assertEquals(OptionLikelihood.answerPrefix(model.said()) + a.letter() + ". " + options.get(a.letter() - 'A') + "</answer>",
                            a.text());
                }
            }
            weighedSoFar.addAll(weighed);
            WaitForAsyncUtils.waitForFxEvents();
            List<String> shown = robot.from(window.stage().getScene().getRoot()).lookup(".chat-notice").queryAll().stream()
                    .map(n -> ((Label) n).getText()).toList();
            assertEquals(weighedSoFar, shown.stream().filter(n -> n.startsWith("The answer is the option")).toList(),
                    "each exchange shows its notices");
        }
        robot.interact(window::close);
    }

    /**
     * The real LALM with a pause: after {@value #PAUSE_AFTER} streamed pieces it waits until the
     * test releases it or Stop cancels the answer, so the test can look at an answer half-way
     * without racing a fast tiny model. Everything it says comes from the LALM.
     */
    static final class PacedLalm implements SpatialChatModel {
        static final int PAUSE_AFTER = 2;
        private final SpatialChatModel lalm;
        private final StringBuffer said = new StringBuffer();
        volatile CountDownLatch hold;
        volatile boolean paused;
        volatile String lastText;

        PacedLalm(SpatialChatModel lalm) {
            this.lalm = lalm;
        }

        String said() {
            return said.toString();
        }

        @Override
        public String name() {
            return lalm.name();
        }

        @Override
        public double windowSeconds() {
            return lalm.windowSeconds();
        }

        @Override
        public SlotPredictor encoder() {
            return lalm.encoder();
        }

        @Override
        public ChatAnswer answer(ChatRequest request, Consumer<String> onText, TaskContext task)
                throws ChatInputException, IOException {
            said.setLength(0);
            int[] pieces = {0};
            ChatAnswer a = lalm.answer(request, piece -> {
                said.append(piece);
                onText.accept(piece);
                if (++pieces[0] == PAUSE_AFTER && hold != null) {
                    paused = true;
                    try {
                        while (!hold.await(10, TimeUnit.MILLISECONDS) && !task.isCancelled()) {
                            // waits for the test to release the answer, or for Stop
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    paused = false;
                }
            }, task);
            hold = null;
            lastText = a.text();
            return a;
        }

        @Override
        public void close() {
            lalm.close();
        }
    }
}
