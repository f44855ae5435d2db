package org.notmono.model.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.model.TinyLanguage;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.tokenizer.TextTokenizer;
import org.notmono.task.TaskContext;

/** Generation with the KV cache against full recomputation, batching, seeds, stops and cancel. */
class GeneratorTest {
    @TempDir
    static Path dir;
    private static NDManager manager;
    private static TextTokenizer tokenizer;
    private static Qwen2Model model;

    @BeforeAll
    static void setUp() throws IOException {
        manager = NDManager.newBaseManager();
        tokenizer = TinyLanguage.tokenizer(dir);
        // large random weights make a peaked, non-trivial distribution
        model = Qwen2Model.create(TinyLanguage.config(), 7, manager);
        model.weights().values().forEach(w -> w.muli(manager.create(20f)));
    }

    @AfterAll
    static void tearDown() {
        tokenizer.close();
        manager.close();
    }

    private NDArray prompt(NDManager m, String text) {
        long[] ids = tokenizer.encode(text);
        return model.embed(m.create(ids, new Shape(1, ids.length)));
    }

    @Test
    void cachedGenerationEqualsFullRecomputationTokenForToken() {
        Generator cached = new Generator(model, tokenizer);
        for (GenerationSettings s : List.of(new GenerationSettings(24, 0, 0, 1, 0, List.of()),
                new GenerationSettings(24, 1.0, 40, 0.95, 11, List.of()))) {
            try (NDManager m = manager.newSubManager()) {
                NDArray p = prompt(m, "A dog barks behind you");
                Generated a = cached.generate(p, s, piece -> { }, TaskContext.none());
                Generated b = cached.withoutCache().generate(p, s, piece -> { }, TaskContext.none());
                assertEquals(24, a.tokens().length);
                assertArrayEquals(a.tokens(), b.tokens());
                assertEquals(a.text(), b.text());
            }
        }
    }

    @Test
    void batchedSamplesMatchRecomputationAndSingleGenerationAndDifferByRow() {
        GenerationSettings s = new GenerationSettings(24, 1.0, 0, 1, 5, List.of());
        Generator g = new Generator(model, tokenizer);
        try (NDManager m = manager.newSubManager()) {
            NDArray p = prompt(m, "The room is");
            List<Generated> cached = g.sample(p, 4, s, TaskContext.none());
            List<Generated> full = g.withoutCache().sample(p, 4, s, TaskContext.none());
            List<Generated> again = g.sample(p, 4, s, TaskContext.none());
            for (int r = 0; r < 4; r++) {
                assertArrayEquals(cached.get(r).tokens(), full.get(r).tokens());
                assertArrayEquals(cached.get(r).tokens(), again.get(r).tokens());
            }
            // row 0 draws from the seed's first split, as a single generation does: a batch decodes each row as alone
            assertArrayEquals(g.generate(p, s, piece -> { }, TaskContext.none()).tokens(), cached.get(0).tokens());
            assertNotEquals(cached.get(0).text(), cached.get(1).text());
        }
    }

    @Test
    void rowsThatEndLeaveTheBatchWithoutChangingTheOthers() {
        GenerationSettings s = new GenerationSettings(24, 1.0, 0, 1, 5, List.of());
        try (NDManager m = manager.newSubManager()) {
            NDArray p = prompt(m, "The room is");
            List<Generated> free = new Generator(model, tokenizer).sample(p, 4, s, TaskContext.none());
            // an end token that row 0 samples part-way and row 1 never does: row 0 ends early, row 1 runs on alone
            long[] first = free.get(0).tokens();
            long[] second = free.get(1).tokens();
            long end = -1;
            for (int i = 2; i < first.length && end < 0; i++) {
                long candidate = first[i];
                if (java.util.Arrays.stream(second).noneMatch(t -> t == candidate)) {
                    end = candidate;
                }
            }
            assertTrue(end >= 0, "row 0 samples a token row 1 never does");
            Generator ending = new Generator(model, tokenizer, end);
            List<Generated> cached = ending.sample(p, 4, s, TaskContext.none());
            List<Generated> full = ending.withoutCache().sample(p, 4, s, TaskContext.none());
            assertEquals(Generated.StopReason.END_TOKEN, cached.get(0).reason());
            assertTrue(cached.get(0).tokens().length < 24, "row 0 ended early");
            assertEquals(24, cached.get(1).tokens().length, "row 1 ran to the limit after row 0 left the batch");
            for (int r = 0; r < 4; r++) {
                assertArrayEquals(full.get(r).tokens(), cached.get(r).tokens(), "row " + r);
                assertEquals(full.get(r).reason(), cached.get(r).reason(), "row " + r);
                long[] prefix = java.util.Arrays.copyOf(free.get(r).tokens(), cached.get(r).tokens().length);
                assertArrayEquals(prefix, cached.get(r).tokens(), "row " + r + " draws what it drew without the end token, up to it");
            }
        }
    }

    @Test
    void streamedPiecesMakeTheTextAndStopStringsEndIt() {
        Generator g = new Generator(model, tokenizer);
        try (NDManager m = manager.newSubManager()) {
            NDArray p = prompt(m, "A woman speaks");
            Generated free = g.generate(p, new GenerationSettings(30, 0, 0, 1, 0, List.of()), x -> { }, TaskContext.none());
            // stop at a piece of text the free run produced: the run must end right there
            String stop = free.text().substring(free.text().length() / 2, free.text().length() / 2 + 2);
            StringBuilder streamed = new StringBuilder();
            Generated cut = g.generate(p, new GenerationSettings(30, 0, 0, 1, 0, List.of(stop)), streamed::append,
                    TaskContext.none());
            assertEquals(Generated.StopReason.STOP_STRING, cut.reason());
            assertTrue(cut.text().endsWith(stop));
            assertEquals(free.text().substring(0, free.text().indexOf(stop) + stop.length()), cut.text());
            assertEquals(cut.text(), streamed.toString());
        }
    }

    @Test
    void cancelStopsAfterTheTokensSoFar() {
        Generator g = new Generator(model, tokenizer);
        AtomicInteger pieces = new AtomicInteger();
        TaskContext task = new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return pieces.get() >= 3;
            }
        };
        try (NDManager m = manager.newSubManager()) {
            Generated out = g.generate(prompt(m, "A dog"), new GenerationSettings(50, 0, 0, 1, 0, List.of()),
                    x -> pieces.incrementAndGet(), task);
            assertEquals(Generated.StopReason.CANCELLED, out.reason());
            assertTrue(out.tokens().length >= 3 && out.tokens().length < 50, out.tokens().length + " tokens");
        }
    }
}
