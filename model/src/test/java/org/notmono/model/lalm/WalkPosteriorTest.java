package org.notmono.model.lalm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.chat.OptionChoice;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TaskContext;

/**
 * {@link WalkPosterior} on a LALM that walks the options (curriculum 12, shipped as {@code lalm-tiny}
 * until 2026-12-05, kept in the test resources as {@code walking-lalm}: its Stage 0 trained the walk;
 * today's shipped model never did, and its tokenizer writes " yes" in two tokens, for which the
 * walk cannot be weighed) hearing a rendered held-out scene, checked
 * against the walks it weighs written out whole. The formulation checked exactly: each line's
 * judgement is the probability of " yes" or " no" normalised over those two tokens, and a walk that
 * reaches the last option ends there for certain (its "yes" is not weighed), so the walks' four
 * probabilities sum to 1 by themselves.
 */
class WalkPosteriorTest {
    private static final String QUESTION = "Where is the loudest sound?";
    private static final List<String> OPTIONS = List.of("In front of you, about 2 m away", "To your left, about 2 m away",
            "Behind you, about 5 m away", "To your right, about 0.5 m away");
    private static final GenerationSettings GREEDY = GenerationSettings.greedy(200);
    @TempDir
    static Path dir;
    private static Path checkpoint;
    private static Lalm lalm;
    private static AudioClip clip;
    private static ChatAnswer written;

    @BeforeAll
    static void hearAHeldOutScene() throws Exception {
        checkpoint = Path.of(WalkPosteriorTest.class.getResource("walking-lalm/model.json").toURI()).getParent();
        lalm = Lalm.load(checkpoint);
        var library = ClipLibraries.standard();
        Scene scene = new RandomSceneGenerator(library, 4.0).generate(100_000, 0);
        clip = new AudioClip(scene.sampleRate(), new SceneRenderer(new ClipLoader(library, dir)).render(scene, TaskContext.none()).audio());
        written = lalm.answer(new ChatRequest(clip, List.of(), QUESTION, OPTIONS, true, GREEDY, OptionChoice.WRITTEN), t -> { },
                TaskContext.none());
    }

    @AfterAll
    static void close() {
        lalm.close();
    }

    @Test
    void eachOptionsPosteriorIsTheWalkEndingThereWrittenOutAndJudgedInItsOwnPass() {
        LalmModel model = lalm.model();
        String reasoning = WalkText.reasoning(written.text());
        assertTrue(reasoning.startsWith("<think>") && reasoning.length() > "<think>".length(), written.text());
        long yes = model.tokenizer().encode(" yes")[0];
        long no = model.tokenizer().encode(" no")[0];
        try (NDManager m = model.lm().manager().newSubManager()) {
            NDArray prompt = prompt(model, m);
            double[] posterior = new WalkPosterior(model.lm(), model.tokenizer()).posterior(prompt, reasoning, OPTIONS, m);
            double[] walks = new double[OPTIONS.size()];
            for (int k = 0; k < OPTIONS.size(); k++) {
                // independently: the walk ending at k as the curriculum writes it, encoded whole, one pass without cache
                StringBuilder text = new StringBuilder(reasoning);
                for (int j = 0; j <= k; j++) {
                    text.append('\n').append((char) ('A' + j)).append(". ").append(OPTIONS.get(j)).append(j == k ? " - yes" : " - no");
                }
                long[] ids = model.tokenizer().encode(text.toString());
                NDArray all = prompt.concat(model.lm().embed(m.create(ids, new Shape(1, ids.length))), 1);
                float[] lp = model.lm().forward(all, null, false).logSoftmax(2).toFloatArray();
                int vocab = model.lm().config().vocabSize();
                int offset = (int) prompt.getShape().get(1);
                // the walk's k + 1 judgements are its last k + 1 " yes" and " no" tokens (the options' words have none)
                List<Integer> judged = new ArrayList<>();
                for (int t = ids.length - 1; t >= 0 && judged.size() <= k; t--) {
                    if (ids[t] == yes || ids[t] == no) {
                        judged.addFirst(t);
                    }
                }
                double log = 0;
                for (int j = 0; j <= k; j++) {
                    int t = judged.get(j);
                    assertEquals(j == k ? yes : no, ids[t], "line " + j + " of the walk ending at " + k);
                    if (j == OPTIONS.size() - 1) {
                        continue; // the last option: a walk that reaches it ends there
                    }
                    int row = (offset + t - 1) * vocab;
                    double y = lp[row + (int) yes];
                    double n = lp[row + (int) no];
                    double both = Math.max(y, n) + Math.log(Math.exp(y - Math.max(y, n)) + Math.exp(n - Math.max(y, n)));
                    log += (j == k ? y : n) - both;
                }
                walks[k] = Math.exp(log);
            }
            double sum = java.util.Arrays.stream(walks).sum();
            assertEquals(1, sum, 1e-4, "the walks' probabilities sum to 1 by themselves");
            for (int k = 0; k < walks.length; k++) {
                assertEquals(walks[k] / sum, posterior[k], 1e-4, "option " + (char) ('A' + k) + ": " + java.util.Arrays.toString(walks));
            }
        }
    }

    @Test
    void theAnswerEndsItsWalkAtThePosteriorsLargestAndSaysSo() throws Exception {
        ChatAnswer chose = lalm.answer(new ChatRequest(clip, List.of(), QUESTION, OPTIONS, true, GREEDY, OptionChoice.WALK), t -> { },
                TaskContext.none());
        List<Double> posterior = chose.walkPosterior();
        assertEquals(OPTIONS.size(), posterior.size());
        assertEquals(1, posterior.stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertTrue(posterior.stream().allMatch(p -> p >= 0 && p <= 1), posterior.toString());
        int best = 0;
        for (int k = 1; k < posterior.size(); k++) {
            best = posterior.get(k) > posterior.get(best) ? k : best;
        }
        assertEquals((char) ('A' + best), chose.letter(), posterior.toString());
        // the same greedy reasoning, then the walk forced to end at the chosen option, and the answer naming it
        String reasoning = WalkText.reasoning(written.text());
        StringBuilder walk = new StringBuilder();
        for (int j = 0; j <= best; j++) {
            walk.append('\n').append((char) ('A' + j)).append(". ").append(OPTIONS.get(j)).append(j == best ? " - yes" : " - no");
        }
        assertEquals(reasoning + walk + "</think><answer>" + (char) ('A' + best) + ". " + OPTIONS.get(best) + "</answer>", chose.text());
        LalmModel model = lalm.model();
        try (NDManager m = model.lm().manager().newSubManager()) {
            assertArrayEquals(new WalkPosterior(model.lm(), model.tokenizer()).posterior(prompt(model, m), reasoning, OPTIONS, m),
                    posterior.stream().mapToDouble(Double::doubleValue).toArray(), 1e-6, "the posterior the answer carries");
        }
        String notice = chose.notices().getLast();
        assertTrue(notice.startsWith("The answer is the option where the model's walk over the options most probably ends (A ")
                && notice.endsWith("; it wrote " + (written.letter() == null ? "no letter" : written.letter()) + "."), notice);
        assertNull(written.walkPosterior(), "only the walk choice weighs the walk");
        // notmono ask --choice walk --json gives the same four probabilities as numbers
        Path wav = dir.resolve("held-out.wav");
        Wav.write(wav, clip, SampleEncoding.FLOAT_32);
        JsonNode json = new ObjectMapper().readTree(AskCli.run(wav.toString(), QUESTION, "--options", String.join(";", OPTIONS),
                "--think", "--choice", "walk", "--max-tokens", "200", "--checkpoint", checkpoint.toString(), "--json"));
        assertEquals(String.valueOf(chose.letter()), json.get("letter").asText());
        assertEquals(posterior.size(), json.get("walkPosterior").size(), json.toString());
        for (int k = 0; k < posterior.size(); k++) {
            assertEquals(posterior.get(k), json.get("walkPosterior").get(k).asDouble(), 1e-9, "option " + (char) ('A' + k));
        }
    }

    @Test
    void withoutReasoningThereIsNoWalkToWeigh() throws Exception {
        ChatAnswer plain = lalm.answer(new ChatRequest(clip, List.of(), QUESTION, OPTIONS, false, GenerationSettings.greedy(24),
                OptionChoice.WALK), t -> { }, TaskContext.none());
        assertNull(plain.walkPosterior());
        assertEquals("Without reasoning the model writes no walk to weigh; the answer is the one it wrote.", plain.notices().getLast());
    }

    /** The prompt's embeddings as the model answering builds them: the clip's window heard, the question and its options. */
    private static NDArray prompt(LalmModel model, NDManager m) {
        NDArray audio = model.audioTokens(AudioWindow.of(clip, lalm.windowSeconds()).clip(), m);
        long[] ids = model.tokenizer().encode(ChatPrompt.render(List.of(), ChatPrompt.question(QUESTION, OPTIONS), true));
        return PromptEmbedding.embed(model.lm(), ids, model.anchor(), audio, m);
    }

    @Test
    void theTrainingPriorOfYesGivesEveryOptionAQuarter() {
        // the curriculum's walks end at A-D equally often: "yes" at A, B, C given the earlier lines "no" is 1/4, 1/3, 1/2
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, WalkPosterior.posterior(new double[] {0.25, 1.0 / 3, 0.5}), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.25, 0.125, 0.125}, WalkPosterior.posterior(new double[] {0.5, 0.5, 0.5}), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 1}, WalkPosterior.posterior(new double[] {0, 0, 0}), 0);
    }

    @Test
    void theWalkStartsAtItsFirstLineOrWhereTheReasoningCloses() {
        assertEquals("<think>I hear it to your left.", WalkText.reasoning("<think>I hear it to your left.\nA. In front - no\nB. Left - yes"
                + "</think><answer>B. Left</answer>"));
        assertEquals("<think>I hear it to your left.", WalkText.reasoning("<think>I hear it to your left. \n</think><answer>B</answer>"));
        assertEquals("<think>I hear it\nB. Left", WalkText.reasoning("<think>I hear it\nB. Left"), "a walk opens at A");
        assertEquals("<think>", WalkText.reasoning("<think></think><answer>B</answer>"), "an empty reasoning");
        assertEquals("<think>I hear", WalkText.reasoning("<think>I hear"), "cut before it closed");
    }
}
