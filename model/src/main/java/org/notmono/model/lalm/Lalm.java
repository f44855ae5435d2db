package org.notmono.model.lalm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.notmono.audio.AudioClip;
import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatInputException;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.ChatTurn;
import org.notmono.model.chat.HeardSpan;
import org.notmono.model.chat.OptionChoice;
import org.notmono.model.chat.SpatialChatModel;
import org.notmono.model.engine.DeviceChoice;
import org.notmono.model.generate.Generated;
import org.notmono.model.generate.Generator;
import org.notmono.model.generate.TokenGuide;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.task.TaskContext;

/**
 * The spatial LALM as a chat model: the clip (cut to the model's window) goes through the
 * encoder and the projector into the {@code <AcousticTokens>} place of a ChatML prompt, and
 * the decoder streams the answer. A multiple-choice answer names the option the model finds
 * likeliest after its reasoning ({@link OptionLikelihood}) unless the request asks for the letter
 * it writes or for the option where its walk over the options most probably ends
 * ({@link WalkPosterior}), or for the option it finds likeliest over several reasonings ({@link ReasoningConsensus};
 * {@link OptionChoice}). Decoding runs on one intra-op thread (about twice as fast as
 * two for token-by-token work, notes/djl-on-cpu.md); the previous setting is restored after.
 * {@link #textOnly} makes the same model a text-only baseline: it reads the same words but its
 * prompt has no {@code <AcousticTokens>} line and no audio tokens.
 */
public final class Lalm implements SpatialChatModel {
    /** Tokens kept free for the answer when a long conversation has to be cut. */
    static final int ANSWER_ROOM = 64;
    private final LalmModel model;
    private final Generator generator;
    private final boolean hears;
    private final Hearing hearing;
    private final boolean exactOptions;
    /** Which run and step the checkpoint is, e.g. "stage3-20261207-161810 step 12000", or null. */
    private final String origin;

    /** Where a hearing model's audio tokens [1, A, d] come from, for the window of the clip it hears. */
    @FunctionalInterface
    public interface Hearing {
        NDArray tokens(AudioClip window, NDManager manager);
    }

    /** The model hearing its clips. */
    public Lalm(LalmModel model) {
        this(model, true, model::audioTokens, false, null);
    }

    private Lalm(LalmModel model, boolean hears, Hearing hearing, boolean exactOptions, String origin) {
        this.model = model;
        this.hears = hears;
        this.hearing = hearing;
        this.exactOptions = exactOptions;
        this.origin = origin;
        this.generator = new Generator(model.lm(), model.tokenizer(), model.endTokens());
    }

    /**
     * The same model with its audio tokens made by {@code hearing} instead of its encoder and
     * projector (e.g. from a scene's truth, to measure what perfect hearing would give it).
     */
    public static Lalm hearing(LalmModel model, Hearing hearing) {
        return new Lalm(model, true, hearing, false, null);
    }

    /**
     * The same model hearing its clips, with the options of a multiple-choice question it reasons
     * about written into its reasoning exactly as the prompt lists them ({@link ExactOptionsGuide}):
     * a diagnostic that separates copying the options from judging them.
     */
    public static Lalm copyingOptionsExactly(LalmModel model) {
        return new Lalm(model, true, model::audioTokens, true, null);
    }

    /**
     * The same model with the audio removed (TWNM's text-only baseline): the prompt keeps the
     * system turn, the question and its options, but drops the {@code <AcousticTokens>} line, so
     * no encoder runs and no acoustic frame reaches the decoder. The clip of a request is ignored.
     */
    public static Lalm textOnly(LalmModel model) {
        return new Lalm(model, false, null, false, null);
    }

    /** False for the {@link #textOnly} baseline. */
    public boolean hears() {
        return hears;
    }

    /** Loads a checkpoint folder ({@code lalm-*\/}) on the device of the NOTMONO_DEVICE setting ({@link DeviceChoice}). */
    public static Lalm load(Path checkpoint) throws IOException {
        return load(checkpoint, DeviceChoice.fromEnvironment());
    }

    /**
     * Loads a checkpoint folder ({@code lalm-*\/}) on {@code device}. A checkpoint of a run ({@code RUN/checkpoints/step-N})
     * is named with its run and step as well: every checkpoint of one curriculum has the same model name.
     */
    public static Lalm load(Path checkpoint, Device device) throws IOException {
        LalmModel model = LalmCheckpoint.load(checkpoint, device);
        return new Lalm(model, true, model::audioTokens, false, runAndStep(checkpoint.toAbsolutePath().normalize()));
    }

    /** "RUN step N" for {@code RUN/checkpoints/step-N}, else null. */
    static String runAndStep(Path checkpoint) {
        String folder = String.valueOf(checkpoint.getFileName());
        Path parent = checkpoint.getParent();
        if (!folder.matches("step-\\d+") || parent == null || !"checkpoints".equals(String.valueOf(parent.getFileName()))
                || parent.getParent() == null || parent.getParent().getFileName() == null) {
            return null;
        }
        return parent.getParent().getFileName() + " step " + folder.substring("step-".length());
    }

    /** The LALM that ships in the assets, on the device of the NOTMONO_DEVICE setting; empty until the curriculum ships one. */
    public static Optional<Lalm> shipped() throws IOException {
        Optional<Path> dir = ShippedLalm.extract();
        return dir.isEmpty() ? Optional.empty() : Optional.of(load(dir.get()));
    }

    public LalmModel model() {
        return model;
    }

    @Override
    public String name() {
        return "NotMono LALM (" + model.name() + (origin == null ? "" : ", " + origin) + ")" + (hears ? "" : ", text only");
    }

    @Override
    public double windowSeconds() {
        return LalmModel.WINDOW_SECONDS;
    }

    @Override
    public SlotPredictor encoder() {
        return model.encoder();
    }

    @Override
    public synchronized ChatAnswer answer(ChatRequest request, Consumer<String> onText, TaskContext task)
            throws ChatInputException {
        long start = System.nanoTime();
        AudioClip foa = request.foa();
        if (hears && foa.channelCount() != 4) {
            throw new ChatInputException("the clip has " + foa.channelCount() + (foa.channelCount() == 1 ? " channel" : " channels")
                    + "; the model hears 4-channel first-order ambisonics (ambiX W, Y, Z, X): render or record FOA");
        }
        if (request.question().isBlank()) {
            throw new ChatInputException("the question is empty: type a question about the clip");
        }
        List<String> notices = new ArrayList<>();
        AudioWindow window = hears ? AudioWindow.of(foa, windowSeconds()) : null;
        HeardSpan heard = hears ? window.span() : new HeardSpan(0, 0, foa.duration());
        if (hears && !heard.whole()) {
            notices.add(String.format(Locale.ROOT, "The clip is %.1f s; the model hears %.0f s at a time and heard %.1f-%.1f s"
                    + " (its loudest window).", heard.clipDuration(), windowSeconds(), heard.start(), heard.end()));
        }
        int threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try (NDManager manager = model.lm().manager().newSubManager()) {
            NDArray embeddings;
            if (hears) {
                NDArray audio = hearing.tokens(window.clip(), manager);
                long[] ids = prompt(request, (int) audio.getShape().get(1), notices);
                embeddings = PromptEmbedding.embed(model.lm(), ids, model.anchor(), audio, manager);
            } else {
                long[] ids = prompt(request, 0, notices);
                embeddings = model.lm().embed(manager.create(ids, new Shape(1, ids.length)));
            }
            int promptTokens = (int) embeddings.getShape().get(1);
            String prefix = request.think() ? "" : ChatPrompt.NO_THINK;
            TokenGuide guide = exactOptions && request.think() && request.options() != null
                    ? new ExactOptionsGuide(model.tokenizer(), request.options()) : TokenGuide.FREE;
            Generated out = generator.generate(embeddings, request.settings(), guide, onText, task);
            if (out.reason() == Generated.StopReason.CONTEXT_FULL) {
                notices.add("The answer was cut where the model's context of " + model.lm().config().maxPositions() + " tokens ends.");
            }
            String generated = out.text();
            double[] walk = null;
            if (request.options() != null && out.reason() != Generated.StopReason.CANCELLED) {
                if (request.choice() == OptionChoice.LIKELIEST) {
                    generated = likeliest(embeddings, generated, request.options(), notices, manager);
                } else if (request.choice() == OptionChoice.CONSENSUS && !request.think()) {
                    notices.add("Without reasoning there are no reasonings to weigh together; the answer is the option the model finds"
                            + " likeliest.");
                    generated = likeliest(embeddings, generated, request.options(), notices, manager);
                } else if (request.choice() == OptionChoice.CONSENSUS) {
                    generated = consensus(embeddings, generated, request, notices, task, manager);
                } else if (request.choice() == OptionChoice.WALK && !request.think()) {
                    notices.add("Without reasoning the model writes no walk to weigh; the answer is the one it wrote.");
                } else if (request.choice() == OptionChoice.WALK) {
                    String reasoning = WalkText.reasoning(generated);
                    walk = weighWalk(embeddings, reasoning, request.options(), notices, manager);
                    if (walk != null) {
                        notices.add("The answer is the option where the model's walk over the options most probably ends (" + weights(walk)
                                + "); it wrote " + wroteLetter(generated) + ".");
                        generated = reasoning + WalkText.ending(request.options(), OptionLikelihood.likeliest(walk));
                    }
                }
            }
            String text = prefix + generated;
            AnswerParts parts = AnswerParts.of(text, request.options() != null);
            long end = System.nanoTime();
            long firstToken = out.firstTokenNanos() == 0 ? end : out.firstTokenNanos();
            return new ChatAnswer(text, parts.think(), parts.answer(), parts.letter(), heard, notices, promptTokens,
                    out.tokens().length, (firstToken - start) / 1_000_000, (end - start) / 1_000_000,
                    out.reason() == Generated.StopReason.CANCELLED, walk == null ? null : Arrays.stream(walk).boxed().toList());
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }

    /** The model's text with its answer replaced by the option it finds likeliest, and a notice saying so. */
    private String likeliest(NDArray prompt, String generated, List<String> options, List<String> notices, NDManager manager) {
        String written = OptionLikelihood.answerPrefix(generated);
        double[] scores = new OptionLikelihood(model.lm(), model.tokenizer()).score(prompt, written, options, manager);
        if (scores == null) {
            notices.add(optionsDoNotFit());
            return generated;
        }
        int best = OptionLikelihood.likeliest(scores);
        notices.add("The answer is the option the model finds likeliest after its reasoning (" + weights(OptionLikelihood.probabilities(scores))
                + "); it wrote " + wroteLetter(generated) + ".");
        return answeredWith(generated, options, best);
    }

    /** The model's text up to {@code <answer>}, then option {@code best}'s line and {@code </answer>}. */
    private static String answeredWith(String generated, List<String> options, int best) {
        return OptionLikelihood.answerPrefix(generated) + ChatPrompt.optionLine(best, options.get(best)) + SpecialTokens.ANSWER_END;
    }

    private String optionsDoNotFit() {
        return "The options could not be weighed: with the reasoning they do not fit the model's context of "
                + model.lm().config().maxPositions() + " tokens; the answer is the one the model wrote.";
    }

    /**
     * The model's text with its answer replaced by the option it finds likeliest on average over
     * its own and sampled reasonings ({@link ReasoningConsensus}), and a notice saying so.
     */
    private String consensus(NDArray prompt, String generated, ChatRequest request, List<String> notices, TaskContext task,
                             NDManager manager) {
        ReasoningConsensus.Weighed weighed = new ReasoningConsensus(generator, new OptionLikelihood(model.lm(), model.tokenizer()))
                .weigh(prompt, generated, request.options(), request.settings(), task, manager);
        if (weighed == null && task.isCancelled()) {
            notices.add("The sampled reasonings were cancelled; the answer is the option the model finds likeliest after its own.");
            return likeliest(prompt, generated, request.options(), notices, manager);
        }
        if (weighed == null) {
            notices.add(optionsDoNotFit());
            return generated;
        }
        int best = OptionLikelihood.likeliest(weighed.mean());
        notices.add("The answer is the option the model finds likeliest over " + weighed.weighed() + " reasonings, its own and "
                + (weighed.weighed() - 1) + " sampled at temperature " + ReasoningConsensus.TEMPERATURE + " (" + weights(weighed.mean())
                + "; after its own alone " + weights(weighed.own()) + "); it wrote " + wroteLetter(generated) + ".");
        return answeredWith(generated, request.options(), best);
    }

    /**
     * Where the model's walk over the options most probably ends after {@code reasoning}
     * ({@link WalkPosterior}); null, with a notice saying why, when it cannot be weighed.
     */
    private double[] weighWalk(NDArray prompt, String reasoning, List<String> options, List<String> notices, NDManager manager) {
        WalkPosterior walk;
        try {
            walk = new WalkPosterior(model.lm(), model.tokenizer());
        } catch (IllegalArgumentException e) {
            notices.add("The walk could not be weighed: " + e.getMessage() + "; the answer is the one the model wrote.");
            return null;
        }
        double[] posterior = walk.posterior(prompt, reasoning, options, manager);
        if (posterior == null) {
            notices.add("The walk could not be weighed: with the reasoning it does not fit the model's context of "
                    + model.lm().config().maxPositions() + " tokens; the answer is the one the model wrote.");
        }
        return posterior;
    }

    /** "A 40%, B 30%, C 20%, D 10%". */
    private static String weights(double[] p) {
        StringBuilder weights = new StringBuilder();
        for (int i = 0; i < p.length; i++) {
            weights.append(i == 0 ? "" : ", ").append((char) ('A' + i)).append(String.format(Locale.ROOT, " %.0f%%", 100 * p[i]));
        }
        return weights.toString();
    }

    /** The letter the model's own text names ("no letter" when none). */
    private static String wroteLetter(String generated) {
        Character wrote = AnswerParts.of(generated, true).letter();
        return wrote == null ? "no letter" : wrote.toString();
    }

    /**
     * The prompt's token ids. Oldest turns are left out (with a notice) while the prompt and
     * the audio leave less than {@link #ANSWER_ROOM} tokens of the context; a question that does
     * not fit even alone is refused.
     */
    private long[] prompt(ChatRequest request, int audioTokens, List<String> notices) throws ChatInputException {
        int context = model.lm().config().maxPositions();
        int budget = context - Math.min(ANSWER_ROOM, request.settings().maxNewTokens());
        String user = ChatPrompt.question(request.question(), request.options());
        List<ChatTurn> history = new ArrayList<>(request.history());
        int dropped = 0;
        while (true) {
            long[] ids = model.tokenizer().encode(ChatPrompt.render(history, user, request.think(), hears));
            int length = ids.length - (hears ? 1 : 0) + audioTokens; // the anchor's place is taken by the audio tokens
            if (length <= budget) {
                if (dropped > 0) {
                    notices.add("The " + dropped + " oldest turn" + (dropped == 1 ? " was" : "s were")
                            + " left out: the conversation is longer than the model's context of " + context + " tokens.");
                }
                return ids;
            }
            if (history.isEmpty()) {
                throw new ChatInputException("the question is too long: with the audio it needs " + length
                        + " tokens, the model's context holds " + context + " (" + Math.min(ANSWER_ROOM, request.settings().maxNewTokens())
                        + " kept for the answer): shorten it by about " + (length - budget) + " tokens");
            }
            history.removeFirst();
            dropped++;
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
