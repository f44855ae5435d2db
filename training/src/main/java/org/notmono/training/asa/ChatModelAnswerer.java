package org.notmono.training.asa;

import java.io.IOException;
import java.util.List;

import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatInputException;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.chat.OptionChoice;
import org.notmono.model.chat.SpatialChatModel;
import org.notmono.task.TaskContext;

/**
 * The adapter through which a spatial audio-language model takes the benchmark: it hears the
 * clip, reads the question and the four options, thinks (or not, as asked), names an option
 * ({@link OptionChoice}), and its whole text is scored by the strict letter rule. Greedy decoding, so a run is repeatable. The text-only
 * baseline is the same adapter around {@code Lalm.textOnly}.
 */
public final class ChatModelAnswerer implements Answerer {
    private final String name;
    private final SpatialChatModel model;
    private final boolean think;
    private final GenerationSettings settings;
    private final OptionChoice choice;

    /** Named after the model, reasoning first, greedy with at most {@code maxNewTokens}, naming the likeliest option. */
    public ChatModelAnswerer(SpatialChatModel model, int maxNewTokens) {
        this(model.name(), model, true, GenerationSettings.greedy(maxNewTokens), OptionChoice.LIKELIEST);
    }

    /**
     * @param name     how tables and charts name it, e.g. {@code lalm-stage3}
     * @param think    let the model reason in {@code <think>} first (the form Stage 3 and 4 train);
     *                 false closes the reasoning section for it (the form of Stages 0 and 2)
     * @param settings sampling; greedy for the benchmark
     * @param choice   the option the model finds likeliest, the letter it writes, or where its walk most probably ends
     */
    public ChatModelAnswerer(String name, SpatialChatModel model, boolean think, GenerationSettings settings, OptionChoice choice) {
        this.name = name;
        this.model = model;
        this.think = think;
        this.settings = settings;
        this.choice = choice;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String answer(AsaQuestion question, TaskContext task) throws IOException {
        return reply(question, task).text();
    }

    @Override
    public Reply reply(AsaQuestion question, TaskContext task) throws IOException {
        ChatRequest request = new ChatRequest(question.audio(), List.of(), question.item().question(), question.item().options(),
                think, settings, choice);
        try {
            ChatAnswer a = model.answer(request, text -> { }, task);
            return new Reply(a.text(), a.walkPosterior());
        } catch (ChatInputException e) {
            // a request the model refuses is an answer without a letter: wrong, and kept for inspection
            return new Reply("(refused: " + e.getMessage() + ")", null);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
