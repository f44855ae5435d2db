package org.notmono.model.chat.ui;

import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.HeardSpan;
import org.notmono.model.chat.session.AnswerCheck;
import org.notmono.model.chat.session.Exchange;
import org.notmono.model.chat.session.Question;
import org.notmono.model.chat.session.TaggedText;

/**
 * One question and its answer as two bubbles: the user's words (and options), then the
 * model's answer with its reasoning in a collapsed section, how it went (timings, the span
 * heard, stopped), notices, and the check against the ground truth.
 */
final class ExchangeView extends VBox {
    private final VBox reply = new VBox(6);
    private final TitledPane reasoning = new TitledPane();
    private final Label reasoningText = new Label();
    private final Label answer = new Label();
    private ChangeListener<String> follow;

    private ExchangeView(Question q, String modelName) {
        super(6);
        getStyleClass().add("chat-exchange");
        getChildren().addAll(questionBubble(q), reply);
        reply.getStyleClass().addAll("chat-bubble", "chat-reply");
        Label who = new Label(modelName);
        who.getStyleClass().add("chat-who");
        reasoningText.setWrapText(true);
        reasoningText.setMaxWidth(Double.MAX_VALUE);
        reasoningText.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        reasoningText.getStyleClass().add("chat-reasoning-text");
        reasoning.setContent(reasoningText);
        reasoning.setExpanded(false);
        reasoning.getStyleClass().add("chat-reasoning");
        reasoning.setId("chat-reasoning");
        answer.setWrapText(true);
        answer.getStyleClass().add("chat-answer");
        answer.setId("chat-answer");
        reply.getChildren().addAll(who, reasoning, answer);
    }

    /** A finished exchange. */
    static ExchangeView finished(Exchange e, Consumer<String> copy) {
        ExchangeView v = new ExchangeView(e.question(), e.model());
        if (e.error() != null) {
            v.showText("", false, "");
            Label error = new Label(e.error());
            error.setWrapText(true);
            error.getStyleClass().add("chat-error");
            v.reply.getChildren().add(error);
            return v;
        }
        ChatAnswer a = e.answer();
        v.showText(a.think(), false, a.answer());
        Label how = new Label(describe(a));
        how.getStyleClass().add("chat-meta");
        how.setWrapText(true);
        v.reply.getChildren().add(how);
        for (String n : a.notices()) {
            Label notice = new Label(n);
            notice.setWrapText(true);
            notice.getStyleClass().add("chat-notice");
            v.reply.getChildren().add(notice);
        }
        AnswerCheck check = e.check();
        if (check != null) {
            v.reply.getChildren().add(checkBox(check));
        }
        Button copyButton = new Button("Copy");
        copyButton.getStyleClass().add("chat-copy");
        copyButton.setOnAction(x -> copy.accept(ChatViewModel.copyText(e)));
        v.reply.getChildren().add(copyButton);
        return v;
    }

    /** The exchange being answered: the reply follows the streamed text. */
    static ExchangeView live(Question q, String modelName, ObservableValue<String> streamed) {
        ExchangeView v = new ExchangeView(q, modelName);
        v.setId("chat-live");
        Consumer<String> show = text -> {
            TaggedText t = TaggedText.parse(text);
            v.showText(t.think(), t.thinking(), t.answer().isEmpty() && !t.thinking() ? "..." : t.answer());
        };
        show.accept(streamed.getValue());
        // weak: the streamed text outlives this bubble, which goes once the answer is finished
        v.follow = (o, a, b) -> show.accept(b);
        streamed.addListener(new WeakChangeListener<>(v.follow));
        return v;
    }

    private void showText(String think, boolean thinking, String answerText) {
        boolean has = think != null && !think.isBlank();
        reasoning.setVisible(has || thinking);
        reasoning.setManaged(has || thinking);
        reasoning.setText(thinking ? "Reasoning (thinking...)" : "Reasoning");
        reasoningText.setText(think == null ? "" : think);
        answer.setText(answerText);
    }

    private static VBox questionBubble(Question q) {
        VBox bubble = new VBox(4);
        bubble.getStyleClass().addAll("chat-bubble", "chat-question");
        Label who = new Label(q.suggestion() == null ? "You" : "You (suggested: " + q.suggestion().family() + ")");
        who.getStyleClass().add("chat-who");
        Label text = new Label(q.text());
        text.setWrapText(true);
        bubble.getChildren().addAll(who, text);
        if (q.multipleChoice()) {
            for (int i = 0; i < 4; i++) {
                Label option = new Label(Question.LETTERS.charAt(i) + ". " + q.options().get(i));
                option.setWrapText(true);
                option.getStyleClass().add("chat-option");
                bubble.getChildren().add(option);
            }
        }
        if (q.think()) {
            Label think = new Label("reason first");
            think.getStyleClass().add("chat-meta");
            bubble.getChildren().add(think);
        }
        HBox row = new HBox(bubble);
        row.setAlignment(Pos.CENTER_RIGHT);
        bubble.setMaxWidth(640);
        return new VBox(row);
    }

    private static VBox checkBox(AnswerCheck check) {
        VBox box = new VBox(2);
        box.setId("chat-check");
        box.getStyleClass().addAll("chat-check", "chat-check-" + check.verdict().name().toLowerCase(Locale.ROOT));
        Label summary = new Label((switch (check.verdict()) {
            case RIGHT -> "\u2713 ";
            case WRONG -> "\u2717 ";
            case FACTS -> "";
        }) + check.summary());
        summary.setWrapText(true);
        summary.getStyleClass().add("chat-check-summary");
        box.getChildren().add(summary);
        for (String f : check.facts()) {
            Label fact = new Label("\u2022 " + f);
            fact.setWrapText(true);
            box.getChildren().add(fact);
        }
        return box;
    }

    private static String describe(ChatAnswer a) {
        HeardSpan h = a.heard();
        String heard = h.whole() ? String.format(Locale.ROOT, "heard the whole %.2f s", h.clipDuration())
                : String.format(Locale.ROOT, "heard %.2f-%.2f s of %.2f s", h.start(), h.end(), h.clipDuration());
        String timing = a.generatedTokens() == 0 ? "" : String.format(Locale.ROOT,
                "%d tokens, first after %d ms, %.1f s in all; ", a.generatedTokens(), a.firstTokenMillis(), a.totalMillis() / 1000.0);
        return (a.stopped() ? "Stopped. " : "") + timing + heard;
    }
}
