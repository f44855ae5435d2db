package org.notmono.training.asa;

import java.io.IOException;
import java.util.List;

import org.notmono.model.chat.ChatInputException;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.chat.SpatialChatModel;
import org.notmono.task.TaskContext;

/**
 * The adapter through which a spatial audio-language model takes the benchmark: it hears the
 * clip, reads the question and the four options, thinks, and its whole text is scored by the
 * strict letter rule. Greedy decoding, so a run is repeatable.
 */
public final class ChatModelAnswerer implements Answerer {
    private final SpatialChatModel model;
    private final int maxNewTokens;

    public ChatModelAnswerer(SpatialChatModel model, int maxNewTokens) {
        this.model = model;
        this.maxNewTokens = maxNewTokens;
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public String answer(AsaQuestion question, TaskContext task) throws IOException {
        ChatRequest request = new ChatRequest(question.audio(), List.of(), question.item().question(), question.item().options(),
                true, GenerationSettings.greedy(maxNewTokens));
        try {
            return model.answer(request, text -> { }, task).text();
        } catch (ChatInputException e) {
            // a request the model refuses is an answer without a letter: wrong, and kept for inspection
            return "(refused: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
