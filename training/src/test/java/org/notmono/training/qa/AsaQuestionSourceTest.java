package org.notmono.training.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.notmono.model.chat.SuggestedQuestion;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.random.Themes;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.scene.Rtsd;

class AsaQuestionSourceTest {
    private final AsaQuestionSource source = new AsaQuestionSource(TruthScenes.VOCABULARY, Phrasings.standard());

    private static Rtsd truth(long index) throws Exception {
        RandomSceneGenerator g = new RandomSceneGenerator(TruthScenes.LIBRARY, 4.0, Themes.fromAssets(), 0.5);
        return UnrenderedTruth.of(new RtsdBuilder(new ClipLoader(TruthScenes.LIBRARY, Path.of("."))), 100_000, index,
                g.draw(100_000, index));
    }

    @Test
    void questionsAboutAClipCarryTheirAnswerCheckedByTheRulesOnTheTruth() throws Exception {
        AnswerRules rules = new AnswerRules(TruthScenes.VOCABULARY);
        for (long i = 0; i < 20; i++) {
            Rtsd rtsd = truth(i);
            List<SuggestedQuestion> qs = source.suggest(rtsd, 5, true, i);
            assertEquals(5, qs.size());
            assertEquals(5, new HashSet<>(qs.stream().map(SuggestedQuestion::family).toList()).size(), "varied families");
            for (SuggestedQuestion q : qs) {
                assertTrue(q.hasAnswer());
                assertEquals(4, q.options().size());
                assertEquals(q.answerText(), q.options().get(q.answerLetter() - 'A'));
                assertFalse(q.facts().isEmpty());
                q.facts().forEach(f -> assertFalse(f.startsWith("/"), "facts in words: " + f));
            }
            // the same question as a generated item: the oracle's rules pick the suggested letter
            QaGenerator generator = new QaGenerator(TruthScenes.VOCABULARY, Phrasings.standard(), Phrasings.Set.ALL);
            SuggestedQuestion first = qs.getFirst();
            long seed = i;
            QaItem item = java.util.stream.LongStream.range(0, Family.values().length)
                    .mapToObj(k -> generator.generate(SceneFacts.of(rtsd), "", Family.of(first.family()), QaKind.MCQ, seed, k))
                    .flatMap(java.util.Optional::stream)
                    .filter(x -> x.question().equals(first.question()) && x.options().equals(first.options()))
                    .findFirst().orElseThrow();
            assertEquals(List.of(first.answerLetter() - 'A'),
                    rules.candidates(item.family(), item.query(), Perception.truth(SceneFacts.of(rtsd))));
        }
        assertEquals(source.suggest(truth(3), 4, false, 8), source.suggest(truth(3), 4, false, 8), "a pure function");
        SuggestedQuestion open = source.suggest(truth(3), 1, false, 8).getFirst();
        assertNull(open.options());
        assertNull(open.answerLetter());
        assertTrue(open.hasAnswer());
    }

    @Test
    void withoutATruthTheQuestionsAreGenericAndCarryNoAnswer() {
        List<SuggestedQuestion> qs = source.suggest(null, 6, true, 1);
        assertEquals(6, qs.size());
        for (SuggestedQuestion q : qs) {
            assertFalse(q.hasAnswer());
            assertFalse(q.question().contains("{"), q.question());
        }
    }

    @Test
    void openQuestionsNeverUseWordingsWrittenForMultipleChoice() throws Exception {
        assertTrue(Phrasings.assumesOptions("Among these options, which sound is actually in the clip?"));
        assertTrue(Phrasings.assumesOptions("Which of the following matches the scene?"));
        assertTrue(Phrasings.assumesOptions("Only one of the listed events really happens here; name it."));
        assertTrue(Phrasings.assumesOptions("Check each claim against the enclosure; which one breaks physics?"));
        assertTrue(Phrasings.assumesOptions("Which description best matches the room size and reverberation?"));
        assertFalse(Phrasings.assumesOptions("Two steps: pick the {extreme} emitter, then give its bearing."));
        assertFalse(Phrasings.assumesOptions("Among the sounds you hear, which is {extreme} you?"));
        assertTrue(java.util.Arrays.stream(Family.values()).anyMatch(f -> Phrasings.standard().of(f, Phrasings.Set.ALL).stream()
                .anyMatch(t -> Phrasings.assumesOptions(t.text()))), "the shipped tables have multiple-choice wordings to avoid");
        int open = 0;
        for (long i = 0; i < 20; i++) {
            List<SuggestedQuestion> qs = new java.util.ArrayList<>(source.suggest(truth(i), Family.values().length, false, i));
            qs.addAll(source.suggest(null, Family.values().length, false, i));
            for (SuggestedQuestion q : qs) {
                String text = q.question().toLowerCase(java.util.Locale.ROOT);
                assertTrue(java.util.stream.Stream.of("among these options", "of the following", "which option", "listed",
                        "which of these", "which statement", "claim", "which description").noneMatch(text::contains), q.question());
                assertNull(q.options());
                open++;
            }
        }
        assertTrue(open > 20 * 5, "most families still suggest open questions: " + open);
    }
}
