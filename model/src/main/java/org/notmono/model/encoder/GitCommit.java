package org.notmono.model.encoder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The git commit the program was built from, for provenance records. */
public final class GitCommit {
    private GitCommit() {
    }

    /** The {@code notmono.commit} system property, else {@code git rev-parse HEAD} in the working folder, else null. */
    public static String current() {
        String property = System.getProperty("notmono.commit");
        if (property != null && !property.isBlank()) {
            return property;
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(5, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
