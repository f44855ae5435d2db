package org.notmono.training.asa;

import java.io.IOException;
import java.util.List;

import org.notmono.task.TaskContext;

/**
 * Anything that answers the ASA benchmark's multiple-choice questions: the rule-based answerers
 * here, and through thin adapters a spatial audio-language model ({@link ChatModelAnswerer}) or a
 * text-only model. An answer is free text, scored by {@link LetterExtraction}'s strict rule, so
 * every answerer is judged the same way.
 */
public interface Answerer extends AutoCloseable {

    /** How tables and charts name it. */
    String name();

    /** The answer's text, e.g. {@code <think>...</think><answer>B. ...</answer>} or a bare letter. */
    String answer(AsaQuestion question, TaskContext task) throws IOException;

    /**
     * An answer and what its answerer weighed to give it.
     *
     * @param text the answer's text, as {@link #answer} gives it
     * @param walkPosterior the probability that the model's walk over the options ends at each
     *                      option, for a LALM answering by its walk ({@code --choice walk}); else null
     */
    record Reply(String text, List<Double> walkPosterior) {
    }

    /** The answer with what was weighed to give it; the text alone unless the answerer weighs its options' walk. */
    default Reply reply(AsaQuestion question, TaskContext task) throws IOException {
        return new Reply(answer(question, task), null);
    }

    @Override
    default void close() {
    }
}
