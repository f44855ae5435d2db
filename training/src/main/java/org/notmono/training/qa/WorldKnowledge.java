package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.List;

import org.notmono.sim.random.Theme;

/**
 * What the themes of the asset library know about places and their sounds, as plain sentences:
 * which sounds a place has, and what each activity's cue means there ("When you hear the kettle
 * in a kitchen, someone is boiling water to make tea."). A pretrained LLM brings this common sense
 * to TWNM's scene-abduction and causal-intent questions; the {@code tiny} decoder is trained from
 * scratch, and the intent questions alone show it some activities twice in a whole Stage 0
 * (docs/decisions/0011). Stage 0 trains on these sentences when its {@code knowledge} is on.
 */
public final class WorldKnowledge {
    /** Ways to state that a cue heard in a place means an activity: cue, place, activity (lower case first). */
    private static final List<String> ACTIVITY_SENTENCES = List.of(
            "I hear %1$s. That points to this: %3$s.",
            "When you hear %1$s in %2$s, %3$s.",
            "In %2$s, %1$s means that %3$s.",
            "%1$s in %2$s is a sign that %3$s.");
    /** Ways to state which sounds a place has: place, its sounds. */
    private static final List<String> PLACE_SENTENCES = List.of(
            "In %1$s you may hear %2$s.",
            "%2$s are sounds of %1$s.");
    private final QaVocabulary vocab;

    public WorldKnowledge(QaVocabulary vocab) {
        this.vocab = vocab;
    }

    /**
     * Every fact {@code repeats} times: each theme's sounds, and each activity once per cue; the
     * n-th statement of a fact takes the next of its phrasings, so every phrasing of every fact
     * occurs when {@code repeats} is at least four.
     */
    public List<String> sentences(int repeats) {
        if (repeats < 0) {
            throw new IllegalArgumentException("repeats must not be negative: " + repeats);
        }
        List<List<String>> facts = facts();
        List<String> out = new ArrayList<>(facts.size() * repeats);
        for (int r = 0; r < repeats; r++) {
            for (int f = 0; f < facts.size(); f++) {
                List<String> phrasings = facts.get(f);
                out.add(phrasings.get((r + f) % phrasings.size()));
            }
        }
        return out;
    }

    /** Each fact as its phrasings. */
    private List<List<String>> facts() {
        List<List<String>> facts = new ArrayList<>();
        for (Theme theme : vocab.themes().all()) {
            String sounds = PerceptionQuestions.list(theme.classes().keySet().stream().map(vocab::noun).toList());
            facts.add(PLACE_SENTENCES.stream().map(p -> Picks.capital(String.format(p, theme.name(), sounds))).toList());
            for (Theme.Activity activity : theme.activities()) {
                for (String cue : activity.cues()) {
                    facts.add(ACTIVITY_SENTENCES.stream()
                            .map(p -> Picks.capital(String.format(p, vocab.noun(cue), theme.name(), Picks.lower(activity.text()))))
                            .toList());
                }
            }
        }
        return facts;
    }
}
