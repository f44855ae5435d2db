package org.notmono.training.monitor;

/**
 * A folder a stage reads, given on its command line.
 *
 * @param option   {@code --data}
 * @param dataset  a simulated dataset the card can offer to generate
 */
public record StageInput(String option, String label, boolean required, boolean dataset) {
}
