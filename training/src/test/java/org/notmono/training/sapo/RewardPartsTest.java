package org.notmono.training.sapo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Every reward component on hand-made answers, and the weighted total. */
class RewardPartsTest {
    private static final String QUESTION = "Which sound is closer to the listener, the dog bark or the piano?\nA. Dog bark\nB. Piano\nC. Equal\nD. Neither";
    private static final String GOOD_THINK = "I hear the dog bark about 1 m away on my left and the piano far behind me, so the dog is closer.";
    private static final String GOOD = "<think>" + GOOD_THINK + "</think><answer>A. Dog bark</answer>";

    private static Attempt attempt(String text) {
        return Attempt.written(QUESTION, 'A', text);
    }

    @Test
    void formatWantsOneThinkThenOneAnswer() {
        FormatReward f = new FormatReward();
        assertEquals(1, f.score(attempt(GOOD)));
        assertEquals(1, f.score(attempt("  <think></think>\n<answer>B</answer> ")));
        assertEquals(0, f.score(attempt("<answer>A</answer><think>x</think>")));
        assertEquals(0, f.score(attempt("<think>x</think><answer>A")));
        assertEquals(0, f.score(attempt("<think>x</think><answer>A</answer><answer>B</answer>")));
        assertEquals(0, f.score(attempt("A. Dog bark")));
        assertEquals(0, f.score(attempt("<think>x</think> and more <answer>A</answer>"))); // only space between the parts
    }

    @Test
    void optionWantsALetterInsideTheAnswer() {
        OptionReward o = new OptionReward();
        assertEquals(1, o.score(attempt(GOOD)));
        assertEquals(1, o.score(attempt("<think>x</think><answer>D</answer>")));
        assertEquals(0, o.score(attempt("<think>x</think><answer>E. none</answer>")));
        assertEquals(0, o.score(attempt("<think>x</think><answer>the dog</answer>")));
        assertEquals(0, o.score(attempt("A"))); // a bare letter is not inside an answer
    }

    @Test
    void accuracyComparesTheExtractedLetterWithTheTruth() {
        AccuracyReward a = new AccuracyReward();
        assertEquals(1, a.score(attempt(GOOD)));
        assertEquals(0, a.score(attempt("<think>x</think><answer>B. Piano</answer>")));
        assertEquals(1, a.score(attempt("A.")));  // a bare letter counts, as the benchmark scores it
        assertEquals(0, a.score(attempt("<think>A</think><answer>none</answer>")));
        // as the LALM answers (decision 0004), the option it names is the likeliest, whatever letter it wrote
        assertEquals(1, a.score(new Attempt(QUESTION, 'A', "<think>x</think><answer>B. Piano</answer>", 'A')));
        assertEquals(0, a.score(new Attempt(QUESTION, 'A', GOOD, 'C')));
        assertEquals(0, a.score(new Attempt(QUESTION, 'A', GOOD, null)));
    }

    @Test
    void lengthIsOneInsideTheWindowAndFallsOffOutside() {
        LengthReward l = new LengthReward(40, 400);
        assertEquals(1, l.score(attempt(GOOD)));
        assertEquals(20 / 40.0, l.score(attempt("<think>" + "x".repeat(20) + "</think><answer>A</answer>")), 1e-12);
        assertEquals(1, l.score(attempt("<think>" + "x".repeat(40) + "</think><answer>A</answer>")));
        assertEquals(1, l.score(attempt("<think>" + "x".repeat(400) + "</think><answer>A</answer>")));
        assertEquals(1 - 100 / 400.0, l.score(attempt("<think>" + "x".repeat(500) + "</think><answer>A</answer>")), 1e-12);
        assertEquals(0, l.score(attempt("<think>" + "x".repeat(900) + "</think><answer>A</answer>")));
        assertEquals(0, l.score(attempt("<answer>A</answer>")));
    }

    @Test
    void groundingCountsDistinctKeywords() {
        GroundingReward g = new GroundingReward();
        assertEquals(1, g.score(attempt(GOOD))); // hear, away, left, far, behind, closer
        assertEquals(1 / 3.0, g.score(attempt("<think>left left left LEFT</think><answer>A</answer>")), 1e-12);
        assertEquals(2 / 3.0, g.score(attempt("<think>The room sounds</think><answer>A</answer>")), 1e-12);
        assertEquals(0, g.score(attempt("<think>leftover rightly</think><answer>A</answer>"))); // whole words only
    }

    @Test
    void promptCopyFlagsQuotedQuestionsAndAppealsToTheText() {
        PromptCopyPenalty p = new PromptCopyPenalty(6);
        assertEquals(0, p.score(attempt(GOOD)));
        assertEquals(1, p.score(attempt("<think>Which sound is closer to the listener? The dog.</think><answer>A</answer>")));
        assertEquals(1, p.score(attempt("<think>As described, the dog is near.</think><answer>A</answer>")));
        assertEquals(1, p.score(attempt("<think>The prompt mentions a dog.</think><answer>A</answer>")));
        // five words of the question are not yet a copy; the options' words are never one
        assertEquals(0, p.score(attempt("<think>Which sound is closer to me</think><answer>A. Dog bark</answer>")));
    }

    @Test
    void totalIsTheWeightedSumWithTheHallucinationSubtracted() {
        RewardWeights w = new RewardWeights(0.5, 0.5, 2.0, 0.25, 0.25, 0.75);
        RewardFunction reward = new RewardFunction(w, 40, 400);
        RewardFunction.Score good = reward.score(attempt(GOOD));
        assertEquals(Map.of("format", 1.0, "option", 1.0, "accuracy", 1.0, "length", 1.0, "grounding", 1.0, "hallucination", 0.0),
                good.parts());
        assertEquals(0.5 + 0.5 + 2.0 + 0.25 + 0.25, good.total(), 1e-12);
        String copied = "<think>Which sound is closer to the listener</think><answer>B</answer>";
        RewardFunction.Score bad = reward.score(attempt(copied));
        // format 1, option 1, accuracy 0, length 37/40, grounding "sound" and "closer" 2/3, hallucination 1
        assertEquals(0.5 + 0.5 + 0.25 * 37 / 40.0 + 0.25 * 2 / 3 - 0.75, bad.total(), 1e-12);
        assertEquals(java.util.List.of("format", "option", "accuracy", "length", "grounding", "hallucination"), reward.partNames());
    }
}
