package org.notmono.training.curriculum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

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

    /** Samples tokenized between two polls of a stop request. */
    private static final int CHUNK = 4096;

    /**
     * @param room the positions an example may fill (the context, less the audio tokens replacing the anchor)
     * @param stop polled between chunks: true leaves with {@link StoppedDuringSetup}
     */
    static Tokenized of(List<Sample> samples, TextTokenizer tokenizer, int room, BooleanSupplier stop) {
        List<AnswerOnlyBatch.Example> out = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int from = 0; from < samples.size(); from += CHUNK) {
            StoppedDuringSetup.poll(stop);
            List<Sample> chunk = samples.subList(from, Math.min(samples.size(), from + CHUNK));
            List<long[]> prompts = tokenizer.encodeAll(chunk.stream().map(Sample::prompt).toList());
            List<long[]> answers = tokenizer.encodeAll(chunk.stream().map(Sample::completion).toList());
            for (int k = 0; k < chunk.size(); k++) {
                long[] prompt = prompts.get(k);
                long[] answer = answers.get(k);
                if (prompt.length + 1 >= room) {
                    continue;
                }
                out.add(new AnswerOnlyBatch.Example(prompt, Arrays.copyOf(answer, Math.min(answer.length, room - prompt.length))));
                kept.add(from + k);
            }
        }
        return new Tokenized(out, kept, samples.size() - out.size());
    }
}
