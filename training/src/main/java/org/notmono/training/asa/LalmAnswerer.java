package org.notmono.training.asa;

import java.util.Arrays;
import java.util.Optional;

/**
 * The answerers of {@code notmono bench asa} that score a LALM checkpoint (the command and the
 * Training workspace's Evaluate offer these): the model as it answers in Chat, and the diagnostics that change what it hears or how
 * it copies the options (docs/asa.md, "Answerers and scoring").
 */
public enum LalmAnswerer {
    LALM("lalm", "The checkpoint hears the item's clip through its own encoder, reads the question with its options A-D"
            + " and answers, as in Chat."),
    TEXT_ONLY("text-only", "The same checkpoint with the audio removed: what it scores above chance comes from the wording"
            + " and the options alone; lalm minus text-only is what hearing adds."),
    LALM_TRUTH("lalm-truth", "The same checkpoint given each scene's truth instead of its encoder's estimate: lalm-truth minus"
            + " lalm is what the encoder's errors cost."),
    LALM_TRUTH_TEXT("lalm-truth-text", "The same checkpoint reading the scene's paragraph written where the audio goes"
            + " (Stage 0's written form)."),
    LALM_EXACT_OPTIONS("lalm-exact-options", "The same checkpoint hearing the clip, every option line of its reasoning written"
            + " exactly as the prompt's; the judgement and the letter stay the model's. A diagnostic: miscopied options or"
            + " wrong judgements.");

    private final String id;
    private final String description;

    LalmAnswerer(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name {@code --answerer} takes ({@code lalm-truth}). */
    public String id() {
        return id;
    }

    /** The answerer {@code --answerer id} names, if it scores a LALM checkpoint. */
    public static Optional<LalmAnswerer> byId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }

    /** Every id, in order, for messages: "lalm, text-only, ...". */
    public static String ids() {
        return Arrays.stream(values()).map(LalmAnswerer::id).collect(java.util.stream.Collectors.joining(", "));
    }

    /** What it measures, in a sentence or two. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return id;
    }
}
