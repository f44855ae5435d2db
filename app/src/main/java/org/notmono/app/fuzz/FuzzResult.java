package org.notmono.app.fuzz;

/**
 * How one fuzzed command line ended.
 *
 * @param exit    the exit code, -1 when the run did not finish
 * @param problem what broke the contract, null when nothing did
 */
public record FuzzResult(FuzzCase fuzzCase, Outcome outcome, int exit, String stderr, String problem, long millis) {

    /** Outcome classes: the first two keep the command line's contract, the others are defects. */
    public enum Outcome {
        /** Exit 0 with complete, finite outputs. */
        DONE("exit 0, finite output", true),
        /** Exit 2 with one line on stderr and nothing written. */
        REFUSED("exit 2, one line", true),
        EXIT_1("exit 1", false),
        TRACE("stack trace", false),
        NON_FINITE("NaN/Inf written", false),
        PARTIAL_FILE("partial or stray file", false),
        BROKEN_CONTRACT("other contract break", false),
        HANG("over the time budget", false);

        private final String label;
        private final boolean ok;

        Outcome(String label, boolean ok) {
            this.label = label;
            this.ok = ok;
        }

        public String label() {
            return label;
        }

        /** Whether this outcome keeps the command line's contract. */
        public boolean ok() {
            return ok;
        }
    }

    public boolean ok() {
        return outcome.ok();
    }
}
