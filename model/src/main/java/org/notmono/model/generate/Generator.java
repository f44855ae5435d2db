package org.notmono.model.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.generate.Generated.StopReason;
import org.notmono.model.lm.KvCache;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.tokenizer.TextTokenizer;
import org.notmono.task.TaskContext;

/**
 * Autoregressive generation from a prompt given as embeddings (so audio frames can sit in it):
 * one sequence streamed token by token, or G samples of one prompt decoded together (RL
 * rollouts), each row with its own seeded random stream. With the KV cache (the default) the
 * prompt is processed once and each step feeds one token per open row (a row that ended leaves
 * the batch); without it every step recomputes the whole sequence of every row, which gives the
 * same tokens, only slower.
 */
public final class Generator {
    private final Qwen2Model model;
    private final TextTokenizer tokenizer;
    private final long[] endTokens;
    private final boolean useCache;

    /**
     * @param endTokens ids that end a sequence and are not part of its text (e.g. {@code <|im_end|>})
     */
    public Generator(Qwen2Model model, TextTokenizer tokenizer, long... endTokens) {
        this(model, tokenizer, endTokens, true);
    }

    private Generator(Qwen2Model model, TextTokenizer tokenizer, long[] endTokens, boolean useCache) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.endTokens = endTokens.clone();
        this.useCache = useCache;
    }

    /** The same generator recomputing the whole sequence at every step (for comparison and benchmarks). */
    public Generator withoutCache() {
        return new Generator(model, tokenizer, endTokens, false);
    }

    /** One sequence for {@code prompt} [1, T, d], each new piece of text passed to {@code onText}. */
    public Generated generate(NDArray prompt, GenerationSettings settings, Consumer<String> onText, TaskContext task) {
        return generate(prompt, settings, TokenGuide.FREE, onText, task);
    }

    /** As {@link #generate(NDArray, GenerationSettings, Consumer, TaskContext)}, with the tokens {@code guide} forces written as it says. */
    public Generated generate(NDArray prompt, GenerationSettings settings, TokenGuide guide, Consumer<String> onText, TaskContext task) {
        return run(prompt, 1, settings, guide, onText, task).getFirst();
    }

    /** {@code samples} sequences for one prompt [1, T, d], decoded as one batch. */
    public List<Generated> sample(NDArray prompt, int samples, GenerationSettings settings, TaskContext task) {
        return run(prompt, samples, settings, TokenGuide.FREE, piece -> { }, task);
    }

    private List<Generated> run(NDArray prompt, int rows, GenerationSettings settings, TokenGuide guide, Consumer<String> onText,
                                TaskContext task) {
        TokenSampler sampler = new TokenSampler(settings);
        SplittableRandom root = new SplittableRandom(settings.seed());
        SplittableRandom[] random = new SplittableRandom[rows];
        TextStream[] streams = new TextStream[rows];
        StopReason[] reasons = new StopReason[rows];
        TokenGuide.Sequence[] guides = new TokenGuide.Sequence[rows];
        for (int r = 0; r < rows; r++) {
            guides[r] = guide.sequence();
            random[r] = root.split();
            streams[r] = new TextStream(tokenizer, settings.stopStrings());
        }
        int promptLength = (int) prompt.getShape().get(1);
        long firstToken = 0;
        try (NDManager run = prompt.getManager().newSubManager()) {
            KvCache cache = useCache
                    ? model.newCache(run, Math.min(model.config().maxPositions(), promptLength + settings.maxNewTokens())) : null;
            NDArray sequence = null;
            float[] logits;
            try (NDManager step = run.newSubManager()) {
                NDArray first = prompt.duplicate();
                first.attach(step);
                logits = lastLogits(model.hidden(first, cache, false));
            }
            if (rows > 1) { // the prompt is processed once and its cache shared by every row
                logits = repeatRows(logits, rows);
                if (cache != null) {
                    KvCache wide = cache.repeatRows(rows);
                    cache.close();
                    cache = wide;
                }
            }
            if (!useCache) {
                sequence = prompt.repeat(0, rows);
                sequence.attach(run);
            }
            int vocab = logits.length / rows;
            int[] live = new int[rows]; // batch row b decodes sequence live[b]
            for (int r = 0; r < rows; r++) {
                live[r] = r;
            }
            long[] next = new long[rows];
            for (int generated = 0; ; generated++) {
                boolean anyOpen = false;
                for (int b = 0; b < live.length; b++) {
                    int r = live[b];
                    if (reasons[r] != null) {
                        continue;
                    }
                    if (task.isCancelled()) {
                        reasons[r] = StopReason.CANCELLED;
                        continue;
                    }
                    long forced = guides[r].next(streams[r].text());
                    int token = forced >= 0 ? (int) forced : sampler.next(Arrays.copyOfRange(logits, b * vocab, (b + 1) * vocab), random[r]);
                    if (firstToken == 0) {
                        firstToken = System.nanoTime();
                    }
                    next[b] = token;
                    if (isEnd(token)) {
                        reasons[r] = StopReason.END_TOKEN;
                        continue;
                    }
                    String piece = streams[r].add(token);
                    if (r == 0 && !piece.isEmpty()) {
                        onText.accept(piece);
                    }
                    if (streams[r].stopped()) {
                        reasons[r] = StopReason.STOP_STRING;
                    } else if (generated + 1 >= settings.maxNewTokens()) {
                        reasons[r] = StopReason.MAX_TOKENS;
                    } else if (promptLength + generated + 1 >= model.config().maxPositions()) {
                        reasons[r] = StopReason.CONTEXT_FULL;
                    } else {
                        anyOpen = true;
                    }
                }
                if (!anyOpen) {
                    break;
                }
                if (useCache) { // ended rows leave the batch, so the steps after them compute only the open ones
                    int[] open = openRows(live, reasons);
                    if (open.length < live.length) {
                        KvCache kept = cache.keepRows(open);
                        cache.close();
                        cache = kept;
                        int[] stillLive = new int[open.length];
                        long[] stillNext = new long[open.length];
                        for (int i = 0; i < open.length; i++) {
                            stillLive[i] = live[open[i]];
                            stillNext[i] = next[open[i]];
                        }
                        live = stillLive;
                        next = stillNext;
                    }
                }
                try (NDManager step = run.newSubManager()) {
                    NDArray embedded = model.embed(step.create(next, new Shape(live.length, 1)));
                    if (useCache) {
                        logits = lastLogits(model.hidden(embedded, cache, false));
                    } else {
                        NDArray longer = sequence.concat(embedded, 1);
                        longer.attach(run);
                        sequence.close();
                        sequence = longer;
                        logits = lastLogits(model.hidden(sequence, null, false));
                    }
                }
            }
            if (cache != null) {
                cache.close();
            }
        }
        List<Generated> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            out.add(new Generated(streams[r].text(), streams[r].ids(), reasons[r], firstToken));
        }
        return out;
    }

    /** The batch rows (indices into {@code live}) whose sequences have not ended. */
    private static int[] openRows(int[] live, StopReason[] reasons) {
        return java.util.stream.IntStream.range(0, live.length).filter(b -> reasons[live[b]] == null).toArray();
    }

    private boolean isEnd(long token) {
        for (long e : endTokens) {
            if (e == token) {
                return true;
            }
        }
        return false;
    }

    /** Logits of the last position of every row, [B * V] row-major. */
    private float[] lastLogits(NDArray hidden) {
        long t = hidden.getShape().get(1);
        return model.logits(t == 1 ? hidden : hidden.get(":, " + (t - 1) + ":, :")).toFloatArray();
    }

    private static float[] repeatRows(float[] row, int rows) {
        float[] out = new float[row.length * rows];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(row, 0, out, r * row.length, row.length);
        }
        return out;
    }
}
