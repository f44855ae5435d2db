package org.notmono.training.curriculum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.notmono.model.lalm.AnswerOnlyBatch;
import org.notmono.model.tokenizer.TextTokenizer;

/**
 * Samples as token ids that fit the decoder's context: a completion that would run past it is
 * cut (the loss then covers what fits), an example whose prompt alone does not fit is left out.
 *
 * @param examples the kept examples
 * @param kept the index in the sample list of each kept example
 * @param dropped how many samples were left out
 */
public record Tokenized(List<AnswerOnlyBatch.Example> examples, List<Integer> kept, int dropped) {

    /** @param room the positions an example may fill (the context, less the audio tokens replacing the anchor) */
    public static Tokenized of(List<Sample> samples, TextTokenizer tokenizer, int room) {
        List<AnswerOnlyBatch.Example> out = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            long[] prompt = tokenizer.encode(samples.get(i).prompt());
            long[] answer = tokenizer.encode(samples.get(i).completion());
            if (prompt.length + 1 >= room) {
                continue;
            }
            out.add(new AnswerOnlyBatch.Example(prompt, Arrays.copyOf(answer, Math.min(answer.length, room - prompt.length))));
            kept.add(i);
        }
        return new Tokenized(out, kept, samples.size() - out.size());
    }
}
