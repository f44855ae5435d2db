package org.notmono.app;

/** NotMono's exit codes. */
public final class CliExit {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private CliExit() {
    }
}
