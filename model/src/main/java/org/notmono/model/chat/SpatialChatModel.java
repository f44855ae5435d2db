package org.notmono.model.chat;

import java.io.IOException;
import java.util.function.Consumer;

import org.notmono.sim.scene.SlotPredictor;
import org.notmono.task.TaskContext;

/**
 * A spatial audio-language model that answers questions about an FOA clip. Implementations
 * are thread-safe for one request at a time and must be closed to free native memory.
 */
public interface SpatialChatModel extends AutoCloseable {

    /** How the chat and reports name the model, e.g. "NotMono LALM (tiny)". */
    String name();

    /** Seconds of audio the model hears at most; longer clips are cut and the answer says which span. */
    double windowSeconds();

    /** The spatial encoder the model hears through, so views can show its slots beside the answer. */
    SlotPredictor encoder();

    /**
     * Answers one request, streaming each new piece of decoded text to {@code onText} as it is
     * generated. Cancelling {@code task} stops generation and returns what was generated so far
     * with {@link ChatAnswer#stopped()} set.
     *
     * @throws ChatInputException when the request cannot be answered as given
     * @throws IOException when the clip or model files cannot be read
     */
    ChatAnswer answer(ChatRequest request, Consumer<String> onText, TaskContext task)
            throws ChatInputException, IOException;

    @Override
    void close();
}
