package org.notmono.model.chat.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

import org.notmono.fx.DescribedChooser;
import org.notmono.fx.KeyBinding;
import org.notmono.model.chat.HeardSpan;
import org.notmono.model.chat.OptionChoice;
import org.notmono.model.chat.SuggestedQuestion;
import org.notmono.model.chat.session.ChatClip;
import org.notmono.model.chat.session.Exchange;

/**
 * The Chat workspace: the attached clip on top (name, length, format, the span the model
 * hears, ground truth or not), the conversation with the answer streaming into it, suggested
 * questions and the composer below, the encoder's slots and the ground truth on the right.
 * Enter sends, Shift+Enter starts a new line, Esc stops, Shortcut+L clears.
 */
public final class ChatView extends BorderPane {
    private final ChatViewModel model;
    private final Function<String, Optional<Path>> exportChooser;
    private final VBox conversation = new VBox(12);
    private final ScrollPane scroll = new ScrollPane(conversation);

    /**
     * @param exportChooser asks where to save the Markdown export (given a suggested file name); empty when cancelled
     */
    public ChatView(ChatViewModel model, Function<String, Optional<Path>> exportChooser) {
        this.model = model;
        this.exportChooser = exportChooser;
        setId("chat-view");
        getStyleClass().add("chat-view");
        setTop(new VBox(clipCard(), stateBanner()));
        BorderPane left = new BorderPane();
        conversation.setId("chat-conversation");
        conversation.setPadding(new Insets(12));
        scroll.setFitToWidth(true);
        scroll.setId("chat-scroll");
        left.setCenter(scroll);
        left.setBottom(composer());
        ScrollPane side = new ScrollPane(new ClipFactsView(model));
        side.setFitToWidth(true);
        SplitPane split = new SplitPane(left, side);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(side, false);
        setCenter(split);
        model.exchanges().addListener((ListChangeListener<Exchange>) c -> rebuild());
        model.pendingProperty().addListener((o, a, b) -> rebuild());
        model.stateProperty().addListener((o, a, b) -> {
            if (model.exchanges().isEmpty() && model.pendingProperty().get() == null) {
                rebuild();
            }
        });
        // streamed text grows the last bubble: keep it in view
        model.streamingProperty().addListener((o, a, b) -> scrollToEnd());
        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        rebuild();
    }

    private void keys(KeyEvent e) {
        if (KeyBinding.CHAT_STOP.matches(e) && model.pendingProperty().get() != null) {
            model.stop();
            e.consume();
        } else if (KeyBinding.CHAT_CLEAR.matches(e)) {
            model.clear();
            e.consume();
        }
    }

    private HBox clipCard() {
        Label name = new Label();
        name.setId("chat-clip-name");
        name.getStyleClass().add("chat-clip-name");
        Label info = new Label();
        info.setId("chat-clip-info");
        Label heard = new Label();
        heard.setId("chat-heard");
        Label truth = new Label();
        truth.setId("chat-clip-truth");
        Label modelName = new Label();
        modelName.setId("chat-model-name");
        modelName.getStyleClass().add("chat-meta");
        name.textProperty().bind(Bindings.createStringBinding(() -> {
            ChatClip c = model.clipProperty().get();
            return c == null ? "No clip attached" : c.name();
        }, model.clipProperty()));
        info.textProperty().bind(Bindings.createStringBinding(() -> {
            ChatClip c = model.clipProperty().get();
            return c == null ? "" : String.format(Locale.ROOT, "%.2f s, %d ch%s, %d Hz", c.duration(),
                    c.audio().channelCount(), c.isFoa() ? " FOA" : "", c.audio().sampleRate());
        }, model.clipProperty()));
        heard.textProperty().bind(Bindings.createStringBinding(() -> describe(model.heardProperty().get()), model.heardProperty()));
        truth.textProperty().bind(Bindings.createStringBinding(() -> {
            ChatClip c = model.clipProperty().get();
            return c == null ? "" : c.truth() == null ? "no ground truth" : "ground truth: " + c.truth().sources().size() + " source(s)";
        }, model.clipProperty()));
        modelName.textProperty().bind(Bindings.createStringBinding(() -> model.modelProperty().get() == null
                ? "no model" : model.modelProperty().get().name(), model.modelProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox card = new HBox(14, name, info, heard, truth, grow, modelName);
        card.setId("chat-clip");
        card.getStyleClass().add("chat-clip");
        card.setAlignment(Pos.CENTER_LEFT);
        card.setPadding(new Insets(8, 12, 8, 12));
        return card;
    }

    private static String describe(HeardSpan h) {
        if (h == null) {
            return "";
        }
        return h.whole() ? String.format(Locale.ROOT, "the model hears all of it (0.00-%.2f s)", h.end())
                : String.format(Locale.ROOT, "the model hears %.2f-%.2f s of %.2f s", h.start(), h.end(), h.clipDuration());
    }

    private Label stateBanner() {
        Label banner = new Label();
        banner.setId("chat-state");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setPadding(new Insets(4, 12, 4, 12));
        banner.textProperty().bind(model.stateTextProperty());
        Runnable style = () -> {
            banner.getStyleClass().setAll("label", "chat-state", "chat-state-" + model.stateProperty().get().name().toLowerCase(Locale.ROOT));
        };
        model.stateProperty().addListener((o, a, b) -> style.run());
        style.run();
        // an empty conversation shows the same words in its middle
        banner.visibleProperty().bind(Bindings.isNotEmpty(model.exchanges()).or(model.pendingProperty().isNotNull()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private VBox composer() {
        FlowPane suggestions = new FlowPane(6, 6);
        suggestions.setId("chat-suggestions");
        Runnable fill = () -> {
            suggestions.getChildren().clear();
            if (!model.suggestions().isEmpty()) {
                Label head = new Label("Try:");
                head.getStyleClass().add("chat-meta");
                suggestions.getChildren().add(head);
            }
            int i = 0;
            for (SuggestedQuestion s : model.suggestions()) {
                Button b = new Button(s.question() + (s.hasAnswer() ? "  \u2713" : ""));
                b.setId("chat-suggestion-" + i++);
                b.getStyleClass().add("chat-suggestion");
                b.setTooltip(new Tooltip(s.family() + (s.hasAnswer() ? ": the answer is known from the ground truth and will be checked" : "")));
                b.setOnAction(e -> model.use(s));
                suggestions.getChildren().add(b);
            }
            if (!model.suggestions().isEmpty()) {
                Button more = new Button("More");
                more.setId("chat-more-suggestions");
                more.setOnAction(e -> model.moreSuggestions());
                suggestions.getChildren().add(more);
            } else if (!model.hasQuestionSource() && model.clipProperty().get() != null) {
                Label none = new Label("No suggested questions: this build has no question generator.");
                none.getStyleClass().add("chat-meta");
                suggestions.getChildren().add(none);
            }
        };
        model.suggestions().addListener((ListChangeListener<SuggestedQuestion>) c -> fill.run());
        model.clipProperty().addListener((o, a, b) -> fill.run());
        fill.run();

        GridPane options = new GridPane();
        options.setId("chat-options");
        options.setHgap(6);
        options.setVgap(4);
        for (int i = 0; i < 4; i++) {
            TextField f = new TextField();
            f.setId("chat-option-" + "abcd".charAt(i));
            f.setPromptText("Option " + "ABCD".charAt(i));
            f.textProperty().bindBidirectional(model.optionProperty(i));
            GridPane.setHgrow(f, Priority.ALWAYS);
            options.add(new Label("ABCD".charAt(i) + "."), (i % 2) * 2, i / 2);
            options.add(f, (i % 2) * 2 + 1, i / 2);
        }
        options.visibleProperty().bind(model.multipleChoiceProperty());
        options.managedProperty().bind(model.multipleChoiceProperty());

        TextArea question = new TextArea();
        question.setId("chat-question");
        question.setPromptText("Ask about the clip: where is the dog? how large is the room? (Enter sends, Shift+Enter for a new line)");
        question.setPrefRowCount(2);
        question.setWrapText(true);
        question.textProperty().bindBidirectional(model.questionProperty());
        question.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (KeyBinding.CHAT_SEND.matches(e)) {
                model.ask();
                e.consume();
            } else if (KeyBinding.CHAT_NEW_LINE.matches(e)) {
                question.replaceSelection("\n");
                e.consume();
            }
        });

        CheckBox mc = new CheckBox("Multiple choice (A-D)");
        mc.setId("chat-mc");
        mc.selectedProperty().bindBidirectional(model.multipleChoiceProperty());
        CheckBox think = new CheckBox("Reason first (<think>)");
        think.setId("chat-think");
        think.selectedProperty().bindBidirectional(model.thinkProperty());
        ComboBox<OptionChoice> answerBy = DescribedChooser.of("chat-answer-by", OptionChoice.values(), model.optionChoiceProperty(),
                OptionChoice::label, OptionChoice::description);
        Label answerByLabel = new Label("Answer by");
        answerByLabel.setLabelFor(answerBy);
        for (var n : List.of(answerBy, answerByLabel)) {
            n.disableProperty().bind(model.multipleChoiceProperty().not()); // an open question has no options to weigh
        }
        Spinner<Double> temperature = new Spinner<>(0.0, 1.5, model.temperatureProperty().get(), 0.1);
        temperature.setId("chat-temperature");
        temperature.setPrefWidth(80);
        temperature.valueProperty().addListener((o, a, b) -> model.temperatureProperty().set(b));
        temperature.setTooltip(new Tooltip("Sampling temperature; 0 always gives the most likely answer"));
        Spinner<Integer> maxTokens = new Spinner<>(16, 2048, model.maxTokensProperty().get(), 16);
        maxTokens.setId("chat-max-tokens");
        maxTokens.setPrefWidth(90);
        maxTokens.valueProperty().addListener((o, a, b) -> model.maxTokensProperty().set(b));

        Button send = new Button("Send");
        send.setId("chat-send");
        send.disableProperty().bind(model.canAskProperty().not());
        send.setOnAction(e -> model.ask());
        Button stop = new Button("Stop");
        stop.setId("chat-stop");
        stop.setOnAction(e -> model.stop());
        stop.visibleProperty().bind(model.pendingProperty().isNotNull());
        stop.managedProperty().bind(stop.visibleProperty());
        send.visibleProperty().bind(stop.visibleProperty().not());
        send.managedProperty().bind(send.visibleProperty());
        Button regenerate = new Button("Regenerate");
        regenerate.setId("chat-regenerate");
        regenerate.setOnAction(e -> model.regenerate());
        regenerate.disableProperty().bind(Bindings.isEmpty(model.exchanges()).or(model.pendingProperty().isNotNull())
                .or(model.modelProperty().isNull()).or(model.regenerateRepeatsProperty()));
        // a disabled button shows no tooltip of its own, so the reason goes on a wrapper
        StackPane regenerateSlot = new StackPane(regenerate);
        Tooltip.install(regenerateSlot, new Tooltip("Ask the last question again with another seed. Off when that would repeat this model's"
                + " whole answer: at Temperature 0 decoding is greedy (raise it, or for multiple choice with Think on use the"
                + " consensus)."));
        Button clear = new Button("Clear");
        clear.setId("chat-clear");
        clear.setOnAction(e -> model.clear());
        Button copy = new Button("Copy all");
        copy.setId("chat-copy-all");
        copy.setTooltip(new Tooltip("Copy the conversation as Markdown"));
        copy.setOnAction(e -> copyToClipboard(model.markdown()));
        Button export = new Button("Export...");
        export.setId("chat-export");
        export.setTooltip(new Tooltip("Save the conversation as a Markdown file"));
        export.setOnAction(e -> exportChooser.apply(suggestedExportName()).ifPresent(model::exportMarkdown));
        for (Button b : new Button[] {clear, copy, export}) {
            b.disableProperty().bind(Bindings.isEmpty(model.exchanges()));
        }
        // wraps rather than cutting labels short when the composer is narrow; a label stays beside its field
        FlowPane settings = new FlowPane(12, 4, mc, labelled(answerByLabel, answerBy), think,
                labelled(new Label("Temperature"), temperature), labelled(new Label("Max tokens"), maxTokens));
        settings.setId("chat-settings");
        settings.setAlignment(Pos.CENTER_LEFT);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actions = new HBox(8, regenerateSlot, clear, copy, export, grow, send, stop);
        actions.setAlignment(Pos.CENTER_LEFT);
        for (var n : List.of(mc, think, regenerate, clear, copy, export, send, stop)) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox box = new VBox(6, suggestions, options, question, settings, actions);
        box.setId("chat-composer");
        box.getStyleClass().add("chat-composer");
        box.setPadding(new Insets(8, 12, 10, 12));
        return box;
    }

    private String suggestedExportName() {
        ChatClip c = model.clipProperty().get();
        return (c == null ? "chat" : c.name().replaceFirst("(?i)\\.wav$", "")) + "-chat.md";
    }

    private static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void rebuild() {
        conversation.getChildren().clear();
        for (Exchange e : model.exchanges()) {
            conversation.getChildren().add(ExchangeView.finished(e, ChatView::copyToClipboard));
        }
        if (model.pendingProperty().get() != null) {
            conversation.getChildren().add(ExchangeView.live(model.pendingProperty().get(),
                    model.modelProperty().get().name(), model.streamingProperty()));
        }
        if (conversation.getChildren().isEmpty()) {
            conversation.getChildren().add(emptyState());
        }
        scrollToEnd();
    }

    private VBox emptyState() {
        Label title = new Label();
        title.textProperty().bind(model.stateHeadingProperty());
        title.getStyleClass().add("chat-empty-title");
        // a long file or folder name wraps rather than ending in an ellipsis
        title.setWrapText(true);
        title.setTextAlignment(TextAlignment.CENTER);
        Label text = new Label();
        text.textProperty().bind(model.stateHintProperty());
        text.setWrapText(true);
        text.getStyleClass().add("chat-meta");
        VBox box = new VBox(8, title, text);
        box.setId("chat-empty");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        return box;
    }

    private void scrollToEnd() {
        // after the layout pass that sizes the new content
        Platform.runLater(() -> scroll.setVvalue(scroll.getVmax()));
    }

    /** A label and its field side by side, neither narrower than it wants to be. */
    private static HBox labelled(Label label, Region field) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        field.setMinWidth(Region.USE_PREF_SIZE);
        HBox pair = new HBox(6, label, field);
        pair.setAlignment(Pos.CENTER_LEFT);
        return pair;
    }
}
