package org.notmono.model.lalm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.notmono.audio.AudioClip;
import org.notmono.model.encoder.ClipFeatures;
import org.notmono.model.encoder.Encoder;
import org.notmono.model.encoder.EncoderCheckpoint;
import org.notmono.model.encoder.EncoderModel;
import org.notmono.model.encoder.EncoderOutput;
import org.notmono.model.encoder.FeatureBatch;
import org.notmono.model.encoder.FeatureExtractor;
import org.notmono.model.lm.Qwen2Model;
import org.notmono.model.lora.LoraAdapters;
import org.notmono.model.lora.LoraConfig;
import org.notmono.model.projector.Projector;
import org.notmono.model.projector.ProjectorConfig;
import org.notmono.model.projector.ProjectorKind;
import org.notmono.model.projector.RoomWordWeights;
import org.notmono.model.tokenizer.SpecialTokens;
import org.notmono.model.tokenizer.TextTokenizer;

/**
 * The parts of a spatial LALM: the spatial encoder it hears through, the projector, the
 * decoder LM (with LoRA adapters when present) and the tokenizer. Owns all of them until closed.
 */
public final class LalmModel implements AutoCloseable {
    /** Seconds of audio the encoder was trained on and the LALM hears at once. */
    public static final double WINDOW_SECONDS = Encoder.WINDOW_SECONDS;
    /** Audio tokens per second the projector aims for (DESIGN.md). */
    public static final double TOKENS_PER_SECOND = 8;

    private final String name;
    private final Path encoderDir;
    private final EncoderModel encoderModel;
    private final Encoder encoder;
    private final FeatureExtractor features;
    private final NDManager projectorManager;
    private final Projector projector;
    private final Qwen2Model lm;
    private final TextTokenizer tokenizer;
    private final Path tokenizerFile;
    private final long anchor;
    private final long imEnd;
    private final long endOfText;
    private final long[][] classWordIds;
    private final long[][] roomWordIds;
    private LoraAdapters lora;

    LalmModel(String name, Path encoderDir, EncoderModel encoderModel, Projector projector, NDManager projectorManager,
              Qwen2Model lm, TextTokenizer tokenizer, Path tokenizerFile) throws IOException {
        this.name = name;
        this.encoderDir = encoderDir;
        this.encoderModel = encoderModel;
        this.encoder = new Encoder(encoderModel);
        this.features = new FeatureExtractor(encoderModel.config());
        this.projector = projector;
        this.projectorManager = projectorManager;
        this.lm = lm;
        this.tokenizer = tokenizer;
        this.tokenizerFile = tokenizerFile;
        this.anchor = tokenizer.id(SpecialTokens.ACOUSTIC);
        this.imEnd = tokenizer.id(SpecialTokens.IM_END);
        this.endOfText = tokenizer.id(SpecialTokens.END_OF_TEXT);
        for (long id : new long[] {anchor, imEnd, endOfText}) {
            if (id >= lm.config().vocabSize()) {
                throw new IOException("the tokenizer gives id " + id + " but the LM's vocabulary has " + lm.config().vocabSize()
                        + " rows: tokenizer.json and the LM do not belong together");
            }
        }
        this.classWordIds = wordIds("class", projector.config().classWords(), tokenizer, lm.config().vocabSize());
        this.roomWordIds = wordIds("room", projector.config().roomWords(), tokenizer, lm.config().vocabSize());
    }

    /**
     * Each entry's words as tokens, as they follow a word in a sentence ("the water tap running", "a
     * medium-sized"): with the space before them.
     */
    private static long[][] wordIds(String what, List<String> words, TextTokenizer tokenizer, int vocabSize) throws IOException {
        long[][] ids = new long[words.size()][];
        for (int c = 0; c < ids.length; c++) {
            ids[c] = tokenizer.encode(" " + words.get(c));
            if (ids[c].length == 0 || Arrays.stream(ids[c]).anyMatch(id -> id >= vocabSize)) {
                throw new IOException("the " + what + " words '" + words.get(c) + "' do not tokenize to ids of the LM's " + vocabSize
                        + "-row vocabulary: tokenizer.json and the LM do not belong together");
            }
        }
        return ids;
    }

    /**
     * A new LALM over a trained encoder (checkpoint folder) and a decoder (ours or a Hugging Face
     * backbone), with a freshly initialised projector of {@code kind}. Takes ownership of {@code lm}.
     */
    public static LalmModel assemble(String name, Path encoderDir, Qwen2Model lm, Path tokenizerFile, ProjectorKind kind,
                                     int hidden, int bottleneck, long seed) throws IOException {
        return assemble(name, encoderDir, lm, tokenizerFile, kind, hidden, bottleneck, seed, Engine.getInstance().defaultDevice());
    }

    /** As {@link #assemble(String, Path, Qwen2Model, Path, ProjectorKind, int, int, long)}, the encoder and projector on {@code device}. */
    public static LalmModel assemble(String name, Path encoderDir, Qwen2Model lm, Path tokenizerFile, ProjectorKind kind,
                                     int hidden, int bottleneck, long seed, Device device) throws IOException {
        return assemble(name, encoderDir, lm, tokenizerFile, kind, hidden, bottleneck, seed, device, null, false, false);
    }

    /**
     * As {@link #assemble(String, Path, Qwen2Model, Path, ProjectorKind, int, int, long, Device)}, with a projector
     * whose slot tokens carry their class's words ({@link ProjectorConfig#classWords()}) when {@code classWord}
     * (an encoder class id to the words the decoder's text names it with) is given, and whose scene token
     * carries the room's words ({@link ProjectorConfig#roomWords()}, {@link RoomWordWeights}) when {@code roomWords};
     * {@code slotsAtWordScale} rescales each slot token's learned part to its class words' length
     * ({@link ProjectorConfig#slotsAtWordScale()}; needs {@code classWord}).
     */
    public static LalmModel assemble(String name, Path encoderDir, Qwen2Model lm, Path tokenizerFile, ProjectorKind kind,
                                     int hidden, int bottleneck, long seed, Device device, UnaryOperator<String> classWord,
                                     boolean roomWords, boolean slotsAtWordScale) throws IOException {
        EncoderModel encoderModel = EncoderCheckpoint.load(encoderDir, device);
        try {
            ProjectorConfig config = projectorFor(encoderModel, kind, hidden, bottleneck, lm.config().hiddenSize(),
                    classWord == null ? List.of() : encoderModel.classes().stream().map(classWord).toList(),
                    roomWords ? RoomWordWeights.words() : List.of(), slotsAtWordScale);
            NDManager m = NDManager.newBaseManager(device);
            Engine.getInstance().setRandomSeed((int) seed);
            Projector projector = new Projector(config);
            projector.initialize(m);
            return new LalmModel(name, encoderDir, encoderModel, projector, m, lm, TextTokenizer.load(tokenizerFile), tokenizerFile);
        } catch (IOException | RuntimeException e) {
            encoderModel.close();
            throw e;
        }
    }

    /** The projector shape that fits {@code encoder}: its semantic width, slots and classes, pooling to ~8 tokens a second. */
    static ProjectorConfig projectorFor(EncoderModel encoder, ProjectorKind kind, int hidden, int bottleneck, int lmWidth,
                                        List<String> classWords, List<String> roomWords, boolean slotsAtWordScale) {
        var c = encoder.config();
        double semanticPerSecond = c.sampleRate() / (double) (c.hop() * c.timePool());
        int pool = (int) Math.max(1, Math.round(semanticPerSecond / TOKENS_PER_SECOND));
        return new ProjectorConfig(kind, c.embedding(), c.slots(), encoder.classes().size(), hidden, bottleneck, lmWidth, pool,
                classWords, roomWords, slotsAtWordScale);
    }

    /** Audio tokens [1, A, d] for a clip (4-channel FOA, any rate), in {@code manager}. */
    public NDArray audioTokens(AudioClip clip, NDManager manager) {
        return audioTokens(List.of(features.extract(clip)), manager);
    }

    /** Audio tokens [B, A, d] for clips of equal length, in {@code manager}. */
    public NDArray audioTokens(List<ClipFeatures> clips, NDManager manager) {
        return project(encode(clips, manager), manager);
    }

    /** The frozen encoder's outputs for clips of equal length (no gradients), in {@code manager}. */
    public EncoderOutput encode(List<ClipFeatures> clips, NDManager manager) {
        synchronized (encoder) { // the encoder's views predict through the same native model
            FeatureBatch batch = FeatureBatch.of(manager, clips);
            EncoderOutput out = encoderModel.forward(batch.map(), batch.logMel(), false);
            for (NDArray a : out.arrays()) {
                a.attach(manager);
            }
            return out;
        }
    }

    /** Audio tokens [B, A, d] from encoder outputs, in {@code manager}; gradients reach the projector when recording. */
    public NDArray project(EncoderOutput out, NDManager manager) {
        NDArray tokens = projector.apply(new ParameterStore(manager, false), out, classWordEmbeddings(manager),
                roomWordEmbeddings(manager));
        tokens.attach(manager);
        return tokens;
    }

    /**
     * [C, d] each class's words as the decoder embeds them (the mean of their tokens' embeddings), in
     * {@code manager}; null for a projector without class words. Gradients reach the embeddings when recording.
     */
    public NDArray classWordEmbeddings(NDManager manager) {
        return meanEmbeddings(classWordIds, manager);
    }

    /**
     * [6, d] each room word as the decoder embeds it (the mean of its tokens' embeddings), in
     * {@code manager}; null for a projector without room words. Gradients reach the embeddings when recording.
     */
    public NDArray roomWordEmbeddings(NDManager manager) {
        return meanEmbeddings(roomWordIds, manager);
    }

    /** [W, d] the mean of each entry's token embeddings; null when there are no entries. */
    private NDArray meanEmbeddings(long[][] words, NDManager manager) {
        if (words.length == 0) {
            return null;
        }
        int longest = Arrays.stream(words).mapToInt(w -> w.length).max().orElseThrow();
        long[] ids = new long[words.length * longest];
        float[] weights = new float[ids.length];
        for (int c = 0; c < words.length; c++) {
            for (int j = 0; j < words[c].length; j++) {
                ids[c * longest + j] = words[c][j];
                weights[c * longest + j] = 1f / words[c].length;
            }
        }
        NDArray embedded = lm.embed(manager.create(ids, new Shape(words.length, longest)));
        return embedded.mul(manager.create(weights, new Shape(words.length, longest, 1))).sum(new int[] {1});
    }

    /** The features the encoder computes from a clip (for training on precomputed features). */
    public ClipFeatures features(AudioClip clip) {
        return features.extract(clip);
    }

    /** Adds LoRA adapters to the LM (replacing none: at most one set). */
    public LoraAdapters addLora(LoraConfig config, long seed) {
        if (lora != null) {
            throw new IllegalStateException("the LM already has LoRA adapters");
        }
        lora = LoraAdapters.attach(lm, config, seed);
        return lora;
    }

    void setLora(LoraAdapters lora) {
        this.lora = lora;
    }

    /** The projector's weights by name, e.g. for an optimizer in stage 2. */
    public Map<String, NDArray> projectorParameters() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : projector.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray());
        }
        return out;
    }

    public String name() {
        return name;
    }

    public Path encoderDir() {
        return encoderDir;
    }

    public Encoder encoder() {
        return encoder;
    }

    public EncoderModel encoderModel() {
        return encoderModel;
    }

    public Projector projector() {
        return projector;
    }

    public Qwen2Model lm() {
        return lm;
    }

    /** The LoRA adapters, or null. */
    public LoraAdapters lora() {
        return lora;
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    public Path tokenizerFile() {
        return tokenizerFile;
    }

    /** Id of {@code <AcousticTokens>}. */
    public long anchor() {
        return anchor;
    }

    /** Ids that end the assistant's turn. */
    public long[] endTokens() {
        return new long[] {imEnd, endOfText};
    }

    @Override
    public void close() {
        if (lora != null) {
            lora.close();
        }
        lm.close();
        projectorManager.close();
        encoder.close();
        tokenizer.close();
    }
}
