package org.notmono.app.ui;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.notmono.model.chat.ChatModelLoader;
import org.notmono.model.chat.QuestionSource;
import org.notmono.training.qa.AsaQuestionSource;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaVocabulary;

/**
 * What the Chat workspace needs from the rest of the build: how a {@code lalm-*}/ checkpoint
 * folder becomes a model, and where suggested questions come from (null: none).
 *
 * @param questions the ASA question generator, or null when it cannot be had
 */
public record ChatServices(ChatModelLoader loader, QuestionSource questions) {
    private static final Logger LOG = Logger.getLogger(ChatServices.class.getName());

    /** No LALM in this build yet: loading says so plainly. When the model is merged, its loader goes here. */
    static final ChatModelLoader NO_LALM = (checkpoint, task) -> {
        throw new IOException("this build of NotMono has no LALM implementation to run " + checkpoint.getFileName()
                + "; use a build that includes the model");
    };

    /** This build's: the LALM loader and the ASA generator's questions (none when the assets cannot be read). */
    public static ChatServices builtIn() {
        QuestionSource questions = null;
        try {
            questions = new AsaQuestionSource(QaVocabulary.fromAssets(), Phrasings.standard());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "no suggested questions: cannot read the ASA vocabulary", e);
        }
        return new ChatServices(NO_LALM, questions);
    }
}
