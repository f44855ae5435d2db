package org.notmono.training.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The world-knowledge sentences against the themes file read on its own, and against the
 * reasoning the QA generator writes for causal-intent questions.
 */
class WorldKnowledgeTest {
    private static final WorldKnowledge KNOWLEDGE = new WorldKnowledge(TruthScenes.VOCABULARY);

    /** The themes file as plain JSON, not through the vocabulary the sentences are made with. */
    private static JsonNode themes() throws Exception {
        return new ObjectMapper().readTree(WorldKnowledgeTest.class.getResourceAsStream("/assets/themes.json")).get("themes");
    }

    @Test
    void everyFactIsStatedAsOftenAsAskedInEachOfItsPhrasingsInTurn() throws Exception {
        int facts = 0;
        for (JsonNode theme : themes()) {
            facts++; // the place's sounds
            for (JsonNode activity : theme.get("activities")) {
                facts += activity.get("cues").size(); // each cue that means the activity
            }
        }
        assertEquals(0, KNOWLEDGE.sentences(0).size());
        assertEquals(3 * facts, KNOWLEDGE.sentences(3).size());
        List<String> twelve = KNOWLEDGE.sentences(12);
        // a fact's statements take its phrasings in turn: four activity phrasings, two place phrasings
        assertEquals(facts * 12, twelve.size());
        assertEquals(facts, Set.copyOf(twelve.subList(0, facts)).size());
        for (int f = 0; f < facts; f++) {
            Set<String> ways = new java.util.HashSet<>();
            for (int r = 0; r < 12; r++) {
                ways.add(twelve.get(r * facts + f));
            }
            assertTrue(ways.size() == 4 || ways.size() == 2, ways.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> KNOWLEDGE.sentences(-1));
    }

    @Test
    void eachCueOfEachActivityAndEachPlaceIsStatedInPlainWords() throws Exception {
        List<String> all = KNOWLEDGE.sentences(4);
        for (JsonNode theme : themes()) {
            String place = theme.get("name").asText();
            for (JsonNode activity : theme.get("activities")) {
                String text = activity.get("text").asText();
                String what = Character.toLowerCase(text.charAt(0)) + text.substring(1);
                for (JsonNode cue : activity.get("cues")) {
                    String noun = TruthScenes.VOCABULARY.noun(cue.asText());
                    assertTrue(all.contains("When you hear " + noun + " in " + place + ", " + what + "."), noun + " / " + what);
                    assertTrue(all.contains("I hear " + noun + ". That points to this: " + what + "."), noun + " / " + what);
                }
            }
            List<String> sounds = new ArrayList<>();
            theme.get("classes").fieldNames().forEachRemaining(c -> sounds.add(TruthScenes.VOCABULARY.noun(c)));
            String list = String.join(", ", sounds.subList(0, sounds.size() - 1)) + " and " + sounds.getLast();
            assertTrue(all.contains("In " + place + " you may hear " + list + "."), place + ": " + list);
        }
    }

    @Test
    void theIntentReasoningOfAOneCueSceneIsOneOfTheSentences() {
        List<DatasetRtsds.Scene> scenes = TruthScenes.rtsds(100, 300).stream().map(s -> new DatasetRtsds.Scene(s, "clip.wav")).toList();
        List<QaItem> intents = new QaCorpus(new QaGenerator(TruthScenes.VOCABULARY, Phrasings.standard(), Phrasings.Set.ALL))
                .make(scenes, List.of(Family.INTENT), QaKind.COT, 5);
        Set<String> sentences = Set.copyOf(KNOWLEDGE.sentences(4));
        int oneCue = 0;
        for (QaItem item : intents) {
            if (!item.think().contains(" and ")) {
                oneCue++;
                assertTrue(sentences.contains(item.think()), item.think());
            }
        }
        assertTrue(oneCue >= 10, oneCue + " one-cue intent items");
    }
}
