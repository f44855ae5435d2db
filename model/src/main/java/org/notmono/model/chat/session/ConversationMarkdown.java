package org.notmono.model.chat.session;

import java.util.List;
import java.util.Locale;

import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.HeardSpan;

/**
 * A conversation as Markdown, for File > Export and the clipboard: the clip, then each
 * question with its options, the model's reasoning in a collapsible {@code <details>} block,
 * its answer, and the check against the ground truth where there is one.
 */
public final class ConversationMarkdown {
    private ConversationMarkdown() {
    }

    public static String write(ChatClip clip, List<Exchange> exchanges) {
        StringBuilder b = new StringBuilder();
        b.append("# Chat about ").append(clip.name()).append("\n\n");
        b.append(String.format(Locale.ROOT, "- Clip: `%s` (%.2f s, %d channel(s), %d Hz)\n", clip.file(), clip.duration(),
                clip.audio().channelCount(), clip.audio().sampleRate()));
        b.append("- sha256: `").append(clip.sha256()).append("`\n");
        if (clip.truth() != null) {
            b.append("- Ground truth: ").append(clip.truth().text()).append('\n');
        }
        int n = 1;
        for (Exchange e : exchanges) {
            b.append("\n## ").append(n++).append(". You\n\n").append(e.question().text()).append("\n");
            if (e.question().multipleChoice()) {
                b.append('\n');
                for (int i = 0; i < 4; i++) {
                    b.append("- ").append(Question.LETTERS.charAt(i)).append(". ").append(e.question().options().get(i)).append('\n');
                }
            }
            b.append("\n### ").append(e.model()).append("\n\n");
            if (e.error() != null) {
                b.append("> Error: ").append(e.error()).append('\n');
                continue;
            }
            appendAnswer(b, e.answer());
            AnswerCheck check = e.check();
            if (check != null) {
                b.append("\n**Check:** ").append(check.summary()).append('\n');
                check.facts().forEach(f -> b.append("- ").append(f).append('\n'));
            }
        }
        return b.toString();
    }

    private static void appendAnswer(StringBuilder b, ChatAnswer a) {
        if (a.think() != null && !a.think().isBlank()) {
            b.append("<details><summary>Reasoning</summary>\n\n").append(a.think()).append("\n\n</details>\n\n");
        }
        b.append(a.answer()).append('\n');
        HeardSpan h = a.heard();
        b.append(String.format(Locale.ROOT, "\n_Heard %.2f-%.2f s of %.2f s%s._\n", h.start(), h.end(), h.clipDuration(),
                a.stopped() ? "; stopped by the user" : ""));
        a.notices().forEach(x -> b.append("\n> ").append(x).append('\n'));
    }
}
