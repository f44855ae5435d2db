package org.notmono.model.lalm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.notmono.model.lm.Qwen2Config;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.projector.ProjectorKind;
import org.notmono.model.tokenizer.BpeTrainer;
import org.notmono.model.tokenizer.SpecialTokens;

/**
 * A LALM with a freshly initialised decoder and P2 projector over a trained encoder, its
 * tokenizer trained on a few sentences: what {@code bench chat} times (speed does not depend on
 * the weights) and what tests drive the chat with end to end. Its words are random until trained.
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
}
