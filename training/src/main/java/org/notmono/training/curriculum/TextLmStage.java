package org.notmono.training.curriculum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.notmono.model.lalm.AnswerOnlyBatch;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmModel;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.train.LmTrainingStep;
import org.notmono.model.train.NamedAdam;

/** Stage 0's model: every decoder weight trains on text; the projector and encoder ride along untouched. */
public final class TextLmStage implements StageModel {
    private final LalmModel model;
    private final List<AnswerOnlyBatch.Example> examples;
    private final NamedAdam optimizer;
    private final LmTrainingStep update;
    private final long pad;

    public TextLmStage(LalmModel model, List<AnswerOnlyBatch.Example> examples, double gradientClip) throws IOException {
        this.model = model;
        this.examples = examples;
        this.optimizer = new NamedAdam(model.lm().weights(), 0);
        this.update = new LmTrainingStep(model.lm(), optimizer, gradientClip);
        this.pad = model.tokenizer().id(SpecialTokens.END_OF_TEXT);
    }

    @Override
    public int examples() {
        return examples.size();
    }

    @Override
    public Step step(int[] batch, float learningRate) {
        List<AnswerOnlyBatch.Example> chosen = new ArrayList<>();
        long tokens = 0;
        for (int i : batch) {
            AnswerOnlyBatch.Example e = examples.get(i);
            chosen.add(e);
            tokens += e.prompt().length + e.answer().length - 1;
        }
        float loss = update.run(m -> TextBatch.of(model.lm(), chosen, pad, m), learningRate);
        return new Step(loss, tokens);
    }

    @Override
    public NamedAdam optimizer() {
        return optimizer;
    }

    @Override
    public void checkpoint(Path dir, Map<String, Object> training) throws IOException {
        LalmCheckpoint.save(model, dir, training, folder -> optimizer.save(folder.resolve(NamedAdam.FILE)));
    }
}
