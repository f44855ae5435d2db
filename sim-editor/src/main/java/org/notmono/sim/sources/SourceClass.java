package org.notmono.sim.sources;

/**
 * One class of the vocabulary in {@code assets/classes.json}.
 *
 * @param id      stable id used in scenes, manifests and the model ("dog_bark")
 * @param name    display name ("Dog bark")
 * @param family  source family
 * @param starss23 the STARSS23 class it maps to ("Domestic sounds"), or null when none does
 */
public record SourceClass(String id, String name, SourceFamily family, String starss23) {
}
