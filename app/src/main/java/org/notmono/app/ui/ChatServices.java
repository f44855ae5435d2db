package org.notmono.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.notmono.fx.task.Job;
import org.notmono.model.chat.ChatModelLoader;
import org.notmono.model.chat.QuestionSource;
import org.notmono.model.lalm.Lalm;
import org.notmono.model.lalm.ShippedLalm;
import org.notmono.training.qa.AsaQuestionSource;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaVocabulary;

/**
 * What the Chat workspace needs from the rest of the build: how a {@code lalm-*}/ checkpoint
 * folder becomes a model, where the shipped checkpoint is, and where suggested questions come from.
 *
 * @param shipped finds the checkpoint that ships with the app (empty when none ships)
 * @param questions the ASA question generator, or null when it cannot be had
 */
public record ChatServices(ChatModelLoader loader, Job<Optional<Path>> shipped, QuestionSource questions) {
    private static final Logger LOG = Logger.getLogger(ChatServices.class.getName());

    /** This build's: the LALM on the NOTMONO_DEVICE device, the shipped lalm-tiny, and the ASA generator's questions. */
    public static ChatServices builtIn() {
        return new ChatServices((checkpoint, task) -> Lalm.load(checkpoint), task -> ShippedLalm.extract(), asaQuestions());
    }

    /** The ASA generator's questions, or null (logged) when its vocabulary cannot be read. */
    public static QuestionSource asaQuestions() {
        try {
            return new AsaQuestionSource(QaVocabulary.fromAssets(), Phrasings.standard());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "no suggested questions: cannot read the ASA vocabulary", e);
            return null;
        }
    }
}
