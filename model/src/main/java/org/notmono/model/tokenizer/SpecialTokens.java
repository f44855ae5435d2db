package org.notmono.model.tokenizer;

import java.util.List;

/** The special tokens of our tokenizer: ChatML turn markers, the audio anchor and the answer tags. */
public final class SpecialTokens {
    public static final String END_OF_TEXT = "<|endoftext|>";
    public static final String IM_START = "<|im_start|>";
    public static final String IM_END = "<|im_end|>";
    /** Where the projected audio frames go in the user turn. */
    public static final String ACOUSTIC = "<AcousticTokens>";
    public static final String THINK = "<think>";
    public static final String THINK_END = "</think>";
    public static final String ANSWER = "<answer>";
    public static final String ANSWER_END = "</answer>";

    /** All of them, in the id order our tokenizers give them. */
    public static final List<String> ALL = List.of(END_OF_TEXT, IM_START, IM_END, ACOUSTIC, THINK, THINK_END, ANSWER, ANSWER_END);

    private SpecialTokens() {
    }
}
