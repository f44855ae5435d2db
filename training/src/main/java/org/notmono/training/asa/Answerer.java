package org.notmono.training.asa;

import java.io.IOException;

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

    @Override
    default void close() {
    }
}
