package org.notmono.sim.sources;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Matches the labels users bring (our ids, display names, FSD50K / AudioSet label names) to
 * the class vocabulary.
 */
final class LabelMatcher {

    /** FSD50K (AudioSet ontology) labels that name one of our classes under another name. */
    private static final Map<String, String> AUDIOSET = Map.ofEntries(
            Map.entry("male speech and man speaking", "male_speech"),
            Map.entry("female speech and woman speaking", "female_speech"),
            Map.entry("bark", "dog_bark"), Map.entry("meow", "cat_meow"),
            Map.entry("chicken and rooster", "rooster_crow"),
            Map.entry("bird vocalization and bird call and bird song", "bird_song"),
            Map.entry("chirp and tweet", "bird_song"), Map.entry("insect", "insect_buzz"),
            Map.entry("walk and footsteps", "footsteps"), Map.entry("clapping", "applause"),
            Map.entry("water tap and faucet", "water_tap"), Map.entry("stream", "water_stream"),
            Map.entry("dishes and pots and pans", "dishes"), Map.entry("typing", "keyboard_typing"),
            Map.entry("computer keyboard", "keyboard_typing"), Map.entry("tick-tock", "clock_tick"),
            Map.entry("shatter", "glass_break"), Map.entry("fire", "fire_crackle"), Map.entry("crackle", "fire_crackle"),
            Map.entry("drum kit", "drums"), Map.entry("drum", "drums"), Map.entry("percussion", "drums"),
            Map.entry("brass instrument", "brass"), Map.entry("wind instrument and woodwind instrument", "woodwind"),
            Map.entry("bowed string instrument", "strings"), Map.entry("keyboard (musical)", "piano"));

    private final ClassVocabulary vocabulary;

    LabelMatcher(ClassVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The first label that names a class, trying ids, display names and AudioSet names. */
    Optional<SourceClass> match(List<String> labels) {
        for (String label : labels) {
            String key = normalise(label);
            for (SourceClass c : vocabulary.classes()) {
                if (key.equals(normalise(c.id())) || key.equals(normalise(c.name()))) {
                    return Optional.of(c);
                }
            }
            String alias = AUDIOSET.get(key);
            if (alias != null && vocabulary.contains(alias)) {
                return vocabulary.find(alias);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String label) {
        return label.trim().replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
