package org.notmono.sim.scene;

import org.notmono.cli.InputException;

/** A scene that cannot be read or is not valid; the message starts with the JSON path. */
public class SceneException extends InputException {
    public SceneException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
    }
}
