package org.notmono.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.fx.task.TaskService;
import org.notmono.model.chat.OptionChoice;
import org.notmono.model.chat.session.ChatHistoryStore;
import org.notmono.model.chat.ui.ChatState;
import org.notmono.model.chat.ui.ChatView;
import org.notmono.model.chat.ui.ChatViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Chat at sizes where text could be cut: the empty conversation names a long checkpoint
 * folder in full while it loads, and the composer's settings wrap onto another row in a narrow
 * window rather than ending their labels in an ellipsis.
 */
@ExtendWith(ApplicationExtension.class)
class ChatEmptyStateJourneyTest {
    private static final String FOLDER = "lalm-tiny-of-the-curriculum-with-stage-zero-seed-eleven-after-stage-four-step-two-hundred-and-fifty"
            + "-lora-merged-float16-for-the-chat";
    @TempDir
    static Path dir;
    /** Jobs handed to the background and never run: the load stays under way. */
    private final Queue<Runnable> background = new ArrayDeque<>();
    private ChatViewModel chat;

    @Start
    void start(Stage stage) {
        List.copyOf(Window.getWindows()).forEach(Window::hide);
        chat = new ChatViewModel(new TaskService(background::add, Platform::runLater), Runnable::run,
                (folder, task) -> { throw new AssertionError("the load never runs"); },
                (rtsd, count, multipleChoice, seed) -> List.of(), new ChatHistoryStore(dir.resolve("history")));
        stage.setScene(new Scene(new ChatView(chat, name -> Optional.empty()), 1200, 800));
        stage.show();
    }

    @Test
    void aLongFolderNameWrapsOntoMoreLinesInsteadOfEndingInAnEllipsis(FxRobot robot) {
        robot.interact(() -> chat.loadModel(dir.resolve(FOLDER)));
        assertEquals(ChatState.LOADING, chat.stateProperty().get());
        assertEquals(1, background.size(), "the load waits in the background");
        Label title = robot.lookup(".chat-empty-title").queryAs(Label.class);
        assertEquals("Loading " + FOLDER, title.getText());
        Text shown = (Text) title.lookup(".text");
        assertEquals(title.getText(), shown.getText(), "the label shows all of its text");
        Text oneLine = new Text(title.getText());
        oneLine.setFont(shown.getFont());
        assertTrue(oneLine.getLayoutBounds().getWidth() > title.getWidth(), "the name is wider than the label: " + oneLine.getLayoutBounds().getWidth() + " against " + title.getWidth() + " in a scene of " + title.getScene().getWidth());
        assertTrue(shown.getLayoutBounds().getHeight() > 1.5 * oneLine.getLayoutBounds().getHeight(),
                "it takes more than one line: " + shown.getLayoutBounds().getHeight() + " against " + oneLine.getLayoutBounds().getHeight());
    }

    @Test
    void theComposersSettingsWrapOntoAnotherRowInsteadOfCuttingTheirLabelsShort(FxRobot robot) {
        robot.interact(() -> {
            chat.multipleChoiceProperty().set(true);
            chat.optionChoiceProperty().set(OptionChoice.CONSENSUS); // the widest choice widens its chooser
        });
        Pane settings = robot.lookup("#chat-settings").queryAs(Pane.class);
        robot.interact(() -> settings.getScene().getWindow().setWidth(900));
        List<Labeled> labelled = robot.from(settings).lookup((Node n) -> n instanceof Labeled).queryAllAs(Labeled.class).stream().toList();
        assertTrue(labelled.stream().map(Labeled::getText).toList().containsAll(List.of("Multiple choice (A-D)", "Answer by",
                "Reason first (<think>)", "Temperature", "Max tokens")), "the settings' labels: " + labelled.stream().map(Labeled::getText).toList());
        for (Labeled l : labelled) {
            assertFalse(l.isTextTruncated(), "'" + l.getText() + "' is shown in full at a width of " + settings.getWidth());
        }
        double rowsTop = settings.getChildren().stream().mapToDouble(n -> n.getBoundsInParent().getMinY()).max().orElseThrow();
        assertTrue(rowsTop > settings.getChildren().get(0).getBoundsInParent().getMaxY() - 1,
                "at " + settings.getWidth() + " px the settings take a second row");
        for (Node n : settings.getChildren()) {
            assertTrue(n.getBoundsInParent().getMaxX() <= settings.getWidth() + 0.5, n + " ends inside the composer");
        }
    }
}
