package org.notmono.model.chat;

import java.io.IOException;
import java.nio.file.Path;

import org.notmono.task.TaskContext;

/**
 * Opens a model checkpoint folder (a {@code lalm-*}/ folder) as a chat model. The app fills
 * this in with the LALM's loader; tests give a scripted model. The caller closes the model.
 */
@FunctionalInterface
public interface ChatModelLoader {

    /**
     * @param checkpoint the checkpoint folder
     * @throws IOException when the folder cannot be read or does not hold a model this build can run;
     *                     the message says which file or tensor is wrong
     */
    SpatialChatModel load(Path checkpoint, TaskContext task) throws IOException;
}
