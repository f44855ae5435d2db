package org.notmono.training.curriculum;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.notmono.cli.InputException;
import org.notmono.model.lalm.ChatPrompt;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.training.qa.DatasetRtsds;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.Phrasings;
import org.notmono.training.qa.QaCorpus;
import org.notmono.training.qa.QaGenerator;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.qa.SceneFacts;
import org.notmono.training.qa.WorldKnowledge;

/**
 * The text each supervised stage trains on, made from a training dataset's RTSDs with the QA
 * generator (training phrasings only):
 * <ul>
 *   <li>Stage 0: every scene's paragraph on its own, "Describe the scene.", and open,
 *   multiple-choice and chain-of-thought questions, each answered twice: once from the
 *   paragraph given in the prompt where the audio goes later, once heard from the scene's
 *   truth in the encoder's output shape; multiple-choice ones with reasoning, then the
 *   {@link OptionWalk} unless the stage's {@code optionWalk} is off;</li>
 *   <li>Stage 2: open questions and "Describe the scene." heard from the clip;</li>
 *   <li>Stage 3: chain-of-thought questions heard from the clip, answered
 *   {@code <think>...</think><answer>...</answer>}: open ones, and multiple-choice ones whose
 *   answer names one option ({@code <answer>C. Two</answer>}), the form the ASA benchmark and
 *   Stage 4 ask in, right after the reasoning or, with {@code optionWalk} on, after a walk over
 *   the options ({@link OptionWalk}).</li>
 * </ul>
 * The option walk (decision 0003) is what a stage's {@code optionWalk} switches
 * ({@link StageSettings#optionWalk()}); the {@code tiny} recipe leaves it out of Stage 3
 * (decision 0010).
 */
public final class SupervisedCorpus {
    /** What Stage 2 asks for a scene's paragraph. */
    public static final String DESCRIBE = "Describe the scene.";
    private final QaVocabulary vocab;
    private final QaCorpus qa;

    public SupervisedCorpus(QaVocabulary vocab) {
        this.vocab = vocab;
        this.qa = new QaCorpus(new QaGenerator(vocab, Phrasings.standard(), Phrasings.Set.TRAIN));
    }

    /**
     * Stage 0's samples: each written one (no clip) gives the scene as text, each heard one (a
     * clip) is heard from the scene's truth ({@link OracleSlots}) where the audio goes; the
     * sentences of {@link WorldKnowledge}, {@code knowledge} times each fact, stand alone.
     */
    public List<Sample> stage0(Path data, List<DatasetRtsds.Scene> scenes, long seed, boolean optionWalk, int knowledge) {
        checkFields(data, scenes);
        checkClips(data, scenes, "Stage 0");
        List<Sample> out = new ArrayList<>();
        new WorldKnowledge(vocab).sentences(knowledge).forEach(sentence -> out.add(standalone(sentence)));
        Map<String, String> paragraphs = new HashMap<>();
        for (DatasetRtsds.Scene s : scenes) {
            String paragraph = paragraph(s);
            paragraphs.put(s.clip(), paragraph);
            out.add(standalone(paragraph));
            out.add(described(s));
        }
        for (QaKind kind : QaKind.values()) {
            for (QaItem item : qa.make(scenes, List.of(Family.values()), kind, seed)) {
                Sample heard = heard(item, optionWalk);
                out.add(new Sample(null, heard.prompt().replace(SpecialTokens.ACOUSTIC, "Scene description: "
                        + paragraphs.get(item.clip())), heard.completion()));
                out.add(heard);
            }
        }
        return out;
    }

    /** Text on its own, no clip and no question: learned as a language model learns a document. */
    private static Sample standalone(String text) {
        return new Sample(null, SpecialTokens.END_OF_TEXT, text + SpecialTokens.END_OF_TEXT);
    }

    /** Stage 2's samples: open questions and the scene description, heard from the clip. */
    public List<Sample> stage2(Path data, List<DatasetRtsds.Scene> scenes, long seed) {
        checkFields(data, scenes);
        checkClips(data, scenes, "Stage 2");
        List<Sample> out = new ArrayList<>();
        scenes.forEach(s -> out.add(described(s)));
        qa.make(scenes, List.of(Family.values()), QaKind.OPEN, seed).forEach(i -> out.add(heard(i, true)));
        return out;
    }

    /**
     * Stage 3's samples: chain-of-thought questions heard from the clip, open and multiple-choice.
     * Without the multiple-choice ones the model never reasons towards a letter before Stage 4,
     * and picks one at chance there (measured: an accuracy reward of 0.06-0.12 over its first 18
     * steps, docs/curriculum.md).
     */
    public List<Sample> stage3(Path data, List<DatasetRtsds.Scene> scenes, long seed, boolean optionWalk) {
        checkFields(data, scenes);
        checkClips(data, scenes, "Stage 3");
        List<Sample> out = new ArrayList<>();
        qa.make(scenes, List.of(Family.values()), QaKind.COT, seed).forEach(i -> out.add(heard(i, optionWalk)));
        qa.make(scenes, List.of(Family.values()), QaKind.MCQ, seed).forEach(i -> out.add(reasoned(i, optionWalk)));
        return out;
    }

    /** "Describe the scene." heard from the scene's clip, answered with its paragraph. */
    private Sample described(DatasetRtsds.Scene s) {
        return new Sample(s.clip(), ChatPrompt.render(List.of(), DESCRIBE, false), ChatPrompt.assistantCompletion(answer(paragraph(s))));
    }

    /**
     * An item heard from the clip, answered with its reasoning first: a chain-of-thought item, or a
     * multiple-choice one naming an option, after walking the options ({@link OptionWalk}) when
     * {@code optionWalk}, else right after the reasoning.
     */
    static Sample reasoned(QaItem item, boolean optionWalk) {
        return new Sample(item.clip(), ChatPrompt.render(List.of(), ChatPrompt.question(item.question(), item.options()), true),
                ChatPrompt.assistantCompletion(item.kind() == QaKind.MCQ && optionWalk ? OptionWalk.target(item) : item.target()));
    }

    /** An item as a prompt with the audio anchor and its completion: the answer alone for open items, else reasoning first. */
    static Sample heard(QaItem item, boolean optionWalk) {
        return item.kind() == QaKind.OPEN
                ? new Sample(item.clip(), ChatPrompt.render(List.of(), ChatPrompt.question(item.question(), null), false),
                        ChatPrompt.assistantCompletion(answer(item.target())))
                : reasoned(item, optionWalk);
    }

    private static String answer(String text) {
        return SpecialTokens.ANSWER + text + SpecialTokens.ANSWER_END;
    }

    private String paragraph(DatasetRtsds.Scene s) {
        return SceneParagraph.of(SceneFacts.of(s.rtsd()), vocab);
    }

    /** Every RTSD must carry the room and the sources the text is made from. */
    static void checkFields(Path data, List<DatasetRtsds.Scene> scenes) {
        for (DatasetRtsds.Scene s : scenes) {
            for (String field : Arrays.asList("room", "sources", "receiver")) {
                if (s.rtsd().path(field).isMissingNode() || s.rtsd().path(field).isNull()) {
                    throw new InputException(data + ": RTSD " + s.rtsd().path("id").asText("?") + " has no \"" + field
                            + "\"; make the training data with 'notmono dataset'");
                }
            }
        }
    }

    private static void checkClips(Path data, List<DatasetRtsds.Scene> scenes, String stage) {
        for (DatasetRtsds.Scene s : scenes) {
            if (!Files.isRegularFile(data.resolve(s.clip()))) {
                throw new InputException(data.resolve(s.clip()) + " is missing: " + stage
                        + " hears every scene's clip; give a dataset with its WAVs");
            }
        }
    }
}
