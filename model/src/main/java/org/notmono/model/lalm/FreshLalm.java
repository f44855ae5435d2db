package org.notmono.model.lalm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.projector.ProjectorKind;
import org.notmono.model.tokenizer.BpeTrainer;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.train.LmTrainingStep;
import org.notmono.model.train.NamedAdam;

/**
 * A LALM with a freshly initialised decoder and P2 projector over a trained encoder, its
 * tokenizer trained on a few sentences: what {@code bench chat} times (speed does not depend on
 * the weights) and what tests drive the chat and the ASA benchmark with end to end. Its words are
 * random until trained; {@link #drill} teaches it one answer in seconds.
 */
public final class FreshLalm {
    private FreshLalm() {
    }

    /**
     * @param encoderDir     a trained encoder's checkpoint folder
     * @param lm             the decoder's shape; its vocabulary must hold the tokenizer's
     * @param tokenizerVocab the tokenizer trainer's target vocabulary size
     * @param device         where the model computes
     * @param corpus         sentences the tokenizer is trained on
     * @param tokenizerFile  where the tokenizer is written
     */
    public static LalmModel create(String name, Path encoderDir, Qwen2Config lm, int tokenizerVocab, List<String> corpus,
                                   Path tokenizerFile, int projectorHidden, int projectorBottleneck, long seed, Device device)
            throws IOException {
        new BpeTrainer(tokenizerVocab, SpecialTokens.ALL).train(corpus).write(tokenizerFile);
        Qwen2Model decoder = Qwen2Model.create(lm, seed, NDManager.newBaseManager(device));
        return LalmModel.assemble(name, encoderDir, decoder, tokenizerFile, ProjectorKind.P2, projectorHidden, projectorBottleneck, seed, device);
    }

    /**
     * Drills the decoder (Adam, learning rate 1e-2) until it answers every prompt with
     * {@code completion} whatever it hears, or {@code maxSteps} steps pass: each step puts random
     * frames (a random count of 4-123 and a random scale) where the audio goes, so the answer does
     * not hang on the clip. A model of known form in seconds, for tests and journeys; it learns no
     * knowledge of scenes.
     *
     * @param prompts    rendered prompts ({@link ChatPrompt#render}), each holding the audio anchor once
     * @param completion the assistant's text, e.g. {@code <think>...</think><answer>B</answer>}
     * @return the last step's loss
     */
    public static float drill(LalmModel lalm, List<String> prompts, String completion, int maxSteps, float targetLoss, long seed) {
        long[] answer = lalm.tokenizer().encode(ChatPrompt.assistantCompletion(completion));
        List<AnswerOnlyBatch.Example> examples = new ArrayList<>();
        for (String prompt : prompts) {
            examples.add(new AnswerOnlyBatch.Example(lalm.tokenizer().encode(prompt), answer));
        }
        Random random = new Random(seed);
        int width = lalm.lm().config().hiddenSize();
        LmTrainingStep step = new LmTrainingStep(lalm.lm(), new NamedAdam(lalm.lm().weights(), 0), 1.0);
        float loss = Float.NaN;
        for (int s = 0; s < maxSteps && !(loss < targetLoss); s++) {
            int frames = 4 + random.nextInt(120);
            float scale = (float) Math.exp(random.nextDouble(Math.log(0.05), Math.log(5)));
            loss = step.run(m -> AnswerOnlyBatch.of(lalm.lm(), examples,
                    m.randomNormal(0, scale, new Shape(examples.size(), frames, width), DataType.FLOAT32), lalm.anchor(), m), 1e-2f);
        }
        return loss;
    }
}
