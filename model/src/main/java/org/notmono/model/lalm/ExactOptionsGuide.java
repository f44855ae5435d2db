package org.notmono.model.lalm;

import java.util.ArrayDeque;
import java.util.List;

import org.notmono.model.generate.TokenGuide;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.tokenizer.TextTokenizer;

/**
 * Writes the options of a multiple-choice question exactly as the prompt lists them wherever the
 * model's reasoning starts an option line ("\nB."), closed by the dash its judgement begins with
 * (so the line cannot run on past the option's text), and leaves everything else to the model:
 * which option to write next, its judgement ("yes" or "no"), the answer and its letter. A diagnostic
 * of the option walk (decision record 0003): with the copies made exact, what is left wrong is
 * the model's judgement.
 */
public final class ExactOptionsGuide implements TokenGuide {
    /** What both judgements of a walk's line begin with (" - yes", " - no"). */
    private static final String JUDGEMENT_OPENS = " -";
    private final TextTokenizer tokenizer;
    private final List<String> options;

    /** @param options the four options A-D as the prompt lists them */
    public ExactOptionsGuide(TextTokenizer tokenizer, List<String> options) {
        this.tokenizer = tokenizer;
        this.options = List.copyOf(options);
    }

    @Override
    public Sequence sequence() {
        ArrayDeque<Long> pending = new ArrayDeque<>();
        return text -> {
            if (!pending.isEmpty()) {
                return pending.poll();
            }
            int letter = text.contains(SpecialTokens.THINK_END) ? -1 : ChatPrompt.optionLineOpened(text, options.size());
            if (letter < 0) {
                return -1;
            }
            // " To your left": byte-level BPE splits the space-led word from the '.', so the option's
            // tokens on their own are the tokens it has after "B." in the prompt
            for (long id : tokenizer.encode(" " + options.get(letter).strip() + JUDGEMENT_OPENS)) {
                pending.add(id);
            }
            return pending.isEmpty() ? -1 : pending.poll();
        };
    }
}
