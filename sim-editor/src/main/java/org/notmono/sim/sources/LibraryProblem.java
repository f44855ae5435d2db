package org.notmono.sim.sources;

/**
 * Something wrong with one entry of a user library. Entries with a missing file, unreadable
 * audio or a bad row are left out; an entry with an unknown class is kept under its own label
 * (the model treats it as unknown) and reported so the user sees it.
 *
 * @param entry   the file or manifest row, e.g. {@code clips.csv:12}
 * @param kind    what is wrong
 * @param message readable detail
 */
public record LibraryProblem(String entry, Kind kind, String message) {

    public enum Kind { MISSING_FILE, UNREADABLE_AUDIO, UNKNOWN_CLASS, BAD_ENTRY }

    @Override
    public String toString() {
        return entry + ": " + message;
    }
}
