package org.notmono.training.monitor;

/**
 * A folder or file a stage reads, given on its command line.
 *
 * @param option    {@code --data}
 * @param kind      what it must be, which decides its chooser and its check
 * @param fromStage for a {@link Kind#CHECKPOINT}: the stage whose checkpoints it takes ({@code stage0}); else null
 * @param hint      what to give, shown in the empty field ("dataset folder (required)")
 */
public record StageInput(String option, String label, boolean required, Kind kind, String fromStage, String hint) {
    /** What an input is. */
    public enum Kind {
        /** A training dataset made by {@code notmono dataset} (seed below 100000); the card can generate one. */
        DATASET,
        /** A LALM checkpoint of {@link #fromStage()}, chosen among its runs' checkpoints. */
        CHECKPOINT,
        /** A Stage 1 encoder checkpoint folder. */
        ENCODER,
        /** Multiple-choice QA items ({@code notmono qa --kind mcq}); the card can generate scenes and their questions. */
        QUESTIONS,
        /** A file. */
        FILE,
        /** A folder with no particular check. */
        FOLDER
    }

    /** A training dataset input. */
    public static StageInput dataset(String option, String label, boolean required) {
        return new StageInput(option, label, required, Kind.DATASET, null,
                "dataset folder (" + (required ? "required" : "optional") + ")");
    }

    /** A simulated dataset the card can offer to generate. */
    public boolean dataset() {
        return kind == Kind.DATASET;
    }
}
