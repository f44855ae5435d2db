package org.notmono.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.app.settings.SettingsStore;
import org.notmono.app.ui.ChatServices;
import org.notmono.app.ui.MainWindow;
import org.notmono.app.ui.Workspace;
import org.notmono.audio.AudioClip;
import org.notmono.fx.task.TaskService;
import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.HeardSpan;
import org.notmono.model.chat.SpatialChatModel;
import org.notmono.model.chat.session.Exchange;
import org.notmono.model.chat.session.TaggedText;
import org.notmono.model.chat.ui.ChatState;
import org.notmono.model.chat.ui.ChatViewModel;
import org.notmono.model.encoder.Encoder;
import org.notmono.model.encoder.ShippedCheckpoint;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.task.TaskContext;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A researcher loads a model from File > Load LALM checkpoint..., builds a random scene and
 * asks about it from the Scene workspace, watches the answer stream into the chat, stops a
 * second answer with Esc, opens the first answer's reasoning, and after closing and reopening
 * the app finds the conversation about that clip again.
 */
@ExtendWith(ApplicationExtension.class)
class ChatJourneyTest {
    @TempDir
    static Path dir;
    private static Path encoderCheckpoint;

    private final ScriptedFileDialogs dialogs = new ScriptedFileDialogs();
    private final TaskService tasks = TaskService.forApplication();
    private SettingsStore store;
    private MainWindow window;
    private volatile JourneyModel model;

    @BeforeAll
    static void extractTheEncoder() throws Exception {
        encoderCheckpoint = ShippedCheckpoint.extract().orElseThrow();
    }

    @Start
    void start(Stage stage) {
        // a desktop with this app alone: windows other journeys left open would take the clicks
        List.copyOf(javafx.stage.Window.getWindows()).forEach(javafx.stage.Window::hide);
        store = new SettingsStore(dir.resolve("home-" + System.nanoTime()).resolve("settings.json"));
        window = open(stage);
        window.show();
    }

    /** The main window with a loader that opens any folder as the scripted model (swap in the real LALM's loader here). */
    private MainWindow open(Stage stage) {
        ChatServices services = new ChatServices((folder, task) -> {
            model = new JourneyModel(Encoder.load(encoderCheckpoint));
            return model;
        }, ChatServices.builtIn().questions());
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

        Path lalm = Files.createDirectories(dir.resolve("lalm-scripted"));
        dialogs.willPick(Files.writeString(lalm.resolve("model.json"), "{}"));
        robot.press(KeyCode.SHORTCUT, KeyCode.ALT, KeyCode.L).release(KeyCode.L, KeyCode.ALT, KeyCode.SHORTCUT);
        waitUntil(() -> chat.modelProperty().get() != null);
        assertEquals(Workspace.CHAT, window.model().workspaceProperty().get(), "loading a model shows the chat");
        assertEquals(ChatState.NO_CLIP, chat.stateProperty().get());

        robot.interact(() -> window.model().workspaceProperty().set(Workspace.SCENE));
        press(robot, "#random-scene");
        press(robot, "#ask-about-scene");
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
        assertTrue(((Label) find(robot, "#chat-heard")).getText().contains("the model hears all of it"));
        SlotPrediction expected = model.encoder().predict(chat.clipProperty().get().audio(), TaskContext.none());
        assertEquals(expected.count(), chat.slotsProperty().get().count(), "the encoder's slots for the clip are shown");

        // the first answer pauses half-way: the reply is on screen while it streams
        model.hold = new CountDownLatch(1);
        focus(robot, "#chat-question").write("How many sources do you hear?").type(KeyCode.ENTER);
        waitUntil(() -> !chat.streamingProperty().get().isEmpty() && model.paused);
        assertEquals(ChatState.GENERATING, chat.stateProperty().get());
        Node live = find(robot, "#chat-live");
        TitledPane liveReasoning = robot.from(live).lookup("#chat-reasoning").queryAs(TitledPane.class);
        assertEquals("Reasoning (thinking...)", liveReasoning.getText(), "the reasoning streams first");
        model.hold.countDown();
        waitUntil(() -> chat.exchanges().size() == 1);
        Exchange first = chat.exchanges().getFirst();
        assertFalse(first.answer().stopped());
        assertEquals(model.script(expected.count()), first.answer().text());

        // the second one is stopped with Esc and keeps what it said
        model.hold = new CountDownLatch(1);
        focus(robot, "#chat-question").write("And where?").type(KeyCode.ENTER);
        waitUntil(() -> model.paused);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> chat.exchanges().size() == 2);
        Exchange second = chat.exchanges().getLast();
        assertTrue(second.answer().stopped());
        assertEquals(String.join("", List.of(model.script(expected.count()).split("(?<= )")).subList(0, JourneyModel.PAUSE_AFTER)),
                second.answer().text());
        assertEquals(ChatState.READY, chat.stateProperty().get());

        // the finished answer's reasoning is collapsed until asked for
        WaitForAsyncUtils.waitForFxEvents();
        TitledPane reasoning = (TitledPane) find(robot, "#chat-reasoning");
        assertFalse(reasoning.isExpanded());
        robot.interact(() -> reasoning.setExpanded(true)); // as a click on its title does
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(reasoning.isExpanded());
        assertEquals(first.answer().think(), ((Label) reasoning.getContent()).getText());
        assertEquals(TaggedText.parse(first.answer().text()).answer(), ((Label) find(robot, "#chat-answer")).getText());

        // close and reopen: the conversation about this clip is back
        Path clip = chat.clipProperty().get().file();
        List<Exchange> before = List.copyOf(chat.exchanges());
        robot.interact(window::close);
        robot.interact(() -> {
            window = open(new Stage());
            window.show();
            window.model().open(clip);
        });
        ChatViewModel again = window.model().chat();
        waitUntil(() -> again.clipProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, List.copyOf(again.exchanges()));
        robot.interact(() -> window.model().workspaceProperty().set(Workspace.CHAT));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, robot.from(window.stage().getScene().getRoot()).lookup(".chat-exchange").queryAll().size(),
                "both exchanges are on screen");
        robot.interact(window::close);
    }

    /**
     * A test double of the LALM, which is built on another branch (the coordinator switches this
     * journey to the real tiny model after the merge): it hears the clip through the real shipped
     * encoder, answers with the count of sources the encoder finds, streams word by word, and can
     * pause after {@value #PAUSE_AFTER} words until released or cancelled.
     */
    static final class JourneyModel implements SpatialChatModel {
        static final int PAUSE_AFTER = 3;
        private final Encoder encoder;
        volatile CountDownLatch hold;
        volatile boolean paused;

        JourneyModel(Encoder encoder) {
            this.encoder = encoder;
        }

        String script(int count) {
            return "<think>The encoder finds " + count + " sources. </think><answer>I hear " + count + " sources.</answer>";
        }

        @Override
        public String name() {
            return "Journey LALM";
        }

        @Override
        public double windowSeconds() {
            return 8;
        }

        @Override
        public SlotPredictor encoder() {
            return encoder;
        }

        @Override
        public ChatAnswer answer(ChatRequest request, Consumer<String> onText, TaskContext task) {
            AudioClip foa = request.foa();
            String text = script(encoder.predict(foa, task).count());
            StringBuilder said = new StringBuilder();
            String[] pieces = text.split("(?<= )");
            boolean stopped = false;
            for (int i = 0; i < pieces.length && !stopped; i++) {
                said.append(pieces[i]);
                onText.accept(pieces[i]);
                if (i + 1 == PAUSE_AFTER && hold != null) {
                    paused = true;
                    try {
                        while (!hold.await(10, TimeUnit.MILLISECONDS) && !task.isCancelled()) {
                            // waits for the test to release the answer, or for Stop
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopped = true;
                    }
                    paused = false;
                }
                stopped |= task.isCancelled();
            }
            hold = null;
            TaggedText t = TaggedText.parse(said.toString());
            return new ChatAnswer(said.toString(), t.think(), t.answer(), null, new HeardSpan(0, foa.duration(), foa.duration()),
                    List.of(), 0, 0, 0, 0, stopped);
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}
