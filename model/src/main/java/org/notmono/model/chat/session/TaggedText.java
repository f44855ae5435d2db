package org.notmono.model.chat.session;

/**
 * Generated text split into its reasoning ({@code <think>...</think>}) and its answer
 * ({@code <answer>...</answer>}), also while it is still streaming: an unclosed
 * {@code <think>} is reasoning in progress, and a tag cut in half at the end is held back.
 *
 * @param think the reasoning, or null when the text has none
 * @param thinking true while the reasoning is open (no {@code </think>} yet)
 * @param answer the answer: inside {@code <answer>}, else everything outside the reasoning; tags removed
 */
public record TaggedText(String think, boolean thinking, String answer) {
    private static final String THINK = "<think>";
    private static final String END_THINK = "</think>";
    private static final String ANSWER = "<answer>";
    private static final String END_ANSWER = "</answer>";

    public static TaggedText parse(String text) {
        String t = withoutPartialTag(text);
        String think = null;
        boolean thinking = false;
        String rest = t;
        int open = t.indexOf(THINK);
        if (open >= 0) {
            int close = t.indexOf(END_THINK, open);
            if (close < 0) {
                think = t.substring(open + THINK.length());
                thinking = true;
                rest = t.substring(0, open);
            } else {
                think = t.substring(open + THINK.length(), close);
                rest = t.substring(0, open) + t.substring(close + END_THINK.length());
            }
        }
        int a = rest.indexOf(ANSWER);
        String answer;
        if (a >= 0) {
            int end = rest.indexOf(END_ANSWER, a);
            answer = end < 0 ? rest.substring(a + ANSWER.length()) : rest.substring(a + ANSWER.length(), end);
        } else {
            answer = rest.replace(END_ANSWER, "");
        }
        return new TaggedText(think == null ? null : think.strip(), thinking, answer.strip());
    }

    /** Drops a trailing "<", "</thi"... that may become a tag once the next piece arrives. */
    private static String withoutPartialTag(String text) {
        int lt = text.lastIndexOf('<');
        if (lt < 0 || text.indexOf('>', lt) >= 0) {
            return text;
        }
        String tail = text.substring(lt);
        for (String tag : new String[] {THINK, END_THINK, ANSWER, END_ANSWER}) {
            if (tag.startsWith(tail)) {
                return text.substring(0, lt);
            }
        }
        return text;
    }
}
