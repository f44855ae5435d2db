package org.notmono.app.ui;

import java.io.IOException;

import org.notmono.model.chat.ChatModelLoader;
import org.notmono.model.chat.QuestionSource;

/**
 * What the Chat workspace needs from the rest of the build: how a {@code lalm-*}/ checkpoint
 * folder becomes a model, and where suggested questions come from (null: none).
 *
 * @param questions the ASA question generator, or null when the build has none
 */
public record ChatServices(ChatModelLoader loader, QuestionSource questions) {

    /**
     * This build's: no LALM and no question generator yet, so the chat says so plainly. When
     * the model and the ASA generator are merged, they go here.
     */
    public static final ChatServices BUILT_IN = new ChatServices((checkpoint, task) -> {
        throw new IOException("this build of NotMono has no LALM implementation to run " + checkpoint.getFileName()
                + "; use a build that includes the model");
    }, null);
}
