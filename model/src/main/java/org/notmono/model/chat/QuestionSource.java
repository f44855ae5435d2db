package org.notmono.model.chat;

import java.util.List;

import org.notmono.sim.scene.Rtsd;

/**
 * Where the chat's suggested questions come from: the ASA question generator in {@code training}
 * implements it, and the app hands it to the Chat workspace (the model module cannot see training).
 */
public interface QuestionSource {

    /**
     * Up to {@code count} questions for a clip, a pure function of the arguments.
     *
     * @param truth the clip's ground truth, or null when the clip has none (then the questions are
     *              generic ones from the task families and carry no answer)
     * @param multipleChoice whether to give four options A-D
     * @param seed varies the choice and the phrasing
     */
    List<SuggestedQuestion> suggest(Rtsd truth, int count, boolean multipleChoice, long seed);
}
