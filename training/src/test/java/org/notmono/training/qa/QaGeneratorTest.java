package org.notmono.training.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class QaGeneratorTest {
    private static final List<JsonNode> SCENES = TruthScenes.rtsds(100, 400);
    private final QaGenerator generator = new QaGenerator(TruthScenes.VOCABULARY, Phrasings.standard(), Phrasings.Set.ALL);
    private final AnswerRules rules = new AnswerRules(TruthScenes.VOCABULARY);

    private List<QaItem> items(QaKind kind) {
        List<QaItem> out = new ArrayList<>();
        long index = 0;
        for (JsonNode rtsd : SCENES) {
            SceneFacts facts = SceneFacts.of(rtsd);
            for (Family f : Family.values()) {
                Optional<QaItem> q = generator.generate(facts, "clip.wav", f, kind, 7, index);
                if (q.isPresent()) {
                    out.add(q.get());
                    index++;
                }
            }
        }
        return out;
    }

    @Test
    void oracleRulesPickTheAnswerOfEveryItemOfEveryFamily() {
        Map<Family, Integer> perFamily = new EnumMap<>(Family.class);
        Map<String, SceneFacts> byScene = new java.util.HashMap<>();
        SCENES.forEach(s -> byScene.put(s.path("id").asText(), SceneFacts.of(s)));
        for (QaItem q : items(QaKind.MCQ)) {
            List<Integer> c = rules.candidates(q.family(), q.query(), Perception.truth(byScene.get(q.scene())));
            assertEquals(List.of(q.answerIndex()), c, q.id() + " " + q.question() + " " + q.options());
            perFamily.merge(q.family(), 1, Integer::sum);
            assertEquals(4, new HashSet<>(q.options()).size(), "duplicate options in " + q.id());
        }
        System.out.println(perFamily);
        assertEquals(Family.values().length, perFamily.size(), "every family: " + perFamily);
    }
}
