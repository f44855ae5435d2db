package org.notmono.training.asa;

import java.io.IOException;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import org.notmono.audio.AudioClip;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.chat.OptionChoice;
import org.notmono.model.lalm.Lalm;
import org.notmono.model.lalm.LalmModel;
import org.notmono.task.TaskContext;
import org.notmono.training.curriculum.OracleSlots;
import org.notmono.training.curriculum.SceneParagraph;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.qa.SceneFacts;

/**
 * A LALM given each scene's truth instead of its encoder's estimate, in one of the two forms
 * Stage 0 trains on. Like the oracle it reads the truth, so it measures what the decoder makes
 * of perfect hearing: the gap to the LALM is the encoder's and the alignment's share of the
 * errors, the gap to the oracle the language model's.
 */
public final class TruthHearingAnswerer implements Answerer {
    /** How the truth reaches the decoder. */
    public enum Form {
        /** Audio tokens: the projector's of {@link OracleSlots} (the frames are the encoder's own). */
        SLOTS,
        /** Text where the audio goes: "Scene description: " and the scene's paragraph. */
        TEXT
    }

    private final ChatModelAnswerer inner;
    private JsonNode truth;

    /**
     * @param think let the model reason first (Stages 3 and 4) or close the section (Stages 0 and 2)
     * @param choice the option the model finds likeliest, the letter it writes, or where its walk most probably ends
     * @param seed  the noise of {@link Form#SLOTS} (the same for every question)
     */
    public TruthHearingAnswerer(String name, LalmModel model, Form form, boolean think, OptionChoice choice, GenerationSettings settings,
                                long seed)
            throws IOException {
        List<String> classes = model.encoderModel().classes();
        QaVocabulary vocabulary = QaVocabulary.fromAssets();
        Lalm.Hearing hearing = switch (form) {
            case SLOTS -> (window, manager) -> model.project(OracleSlots.of(truth,
                    model.encode(List.of(model.features(window)), manager).arrays(), classes, new Random(seed), manager), manager);
            case TEXT -> (AudioClip window, NDManager manager) -> {
                long[] ids = model.tokenizer().encode("Scene description: " + SceneParagraph.of(SceneFacts.of(truth), vocabulary));
                NDArray embedded = model.lm().embed(manager.create(ids, new Shape(1, ids.length)));
                embedded.attach(manager);
                return embedded;
            };
        };
        this.inner = new ChatModelAnswerer(name, Lalm.hearing(model, hearing), think, settings, choice);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String answer(AsaQuestion question, TaskContext task) throws IOException {
        return reply(question, task).text();
    }

    @Override
    public Reply reply(AsaQuestion question, TaskContext task) throws IOException {
        truth = question.truth();
        return inner.reply(question, task);
    }

    @Override
    public void close() {
        inner.close();
    }
}
