package org.notmono.audio;

import java.io.IOException;

/** An audio file that cannot be read or written; the message names the file and the problem. */
public class AudioFileException extends IOException {
    public AudioFileException(String file, String problem) {
        super(file + ": " + problem);
    }

    public AudioFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
