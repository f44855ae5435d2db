package org.notmono.model.lalm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The parts of {@link OptionLikelihood} that need no model (the scores are checked in {@link LalmTest}). */
class OptionLikelihoodTest {

    @Test
    void everyOptionContinuesTheModelsTextUpToItsAnswerTag() {
        assertEquals("<think>left\nA. Behind you - no</think><answer>",
                OptionLikelihood.answerPrefix("<think>left\nA. Behind you - no</think><answer>C. To your left</answer>"));
        assertEquals("<answer>", OptionLikelihood.answerPrefix("<answer>B. Two</answer>"));
    }

    @Test
    void aTextCutBeforeItsAnswerIsClosedAsTheTrainedFormWouldBe() {
        assertEquals("<think>I hear a dog\nA. One - no</think><answer>", OptionLikelihood.answerPrefix("<think>I hear a dog\nA. One - no"));
        assertEquals("<think>I hear</think>so<answer>", OptionLikelihood.answerPrefix("<think>I hear</think>so"));
        assertEquals("<answer>", OptionLikelihood.answerPrefix(""));
    }

    @Test
    void probabilitiesAreTheSoftmaxOfTheLogLikelihoods() {
        double[] p = OptionLikelihood.probabilities(new double[] {Math.log(1), Math.log(2), Math.log(3), Math.log(4)});
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, p, 1e-12);
        // far below zero, as long answers are, without underflow
        assertArrayEquals(new double[] {0.5, 0.5, 0, 0}, OptionLikelihood.probabilities(new double[] {-900, -900, -2000, -3000}), 1e-12);
    }

    @Test
    void theLikeliestIsTheLargestAndTheFirstOfEquals() {
        assertEquals(2, OptionLikelihood.likeliest(new double[] {-5, -3, -1, -4}));
        assertEquals(1, OptionLikelihood.likeliest(new double[] {-5, -1, -1, -4}));
    }
}
