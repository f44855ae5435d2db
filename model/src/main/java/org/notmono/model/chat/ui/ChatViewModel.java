package org.notmono.model.chat.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.notmono.audio.AudioClip;
import org.notmono.fx.task.Job;
import org.notmono.fx.task.TaskHandle;
import org.notmono.fx.task.TaskService;
import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatInputException;
import org.notmono.model.chat.ChatModelLoader;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.ChatRole;
import org.notmono.model.chat.ChatTurn;
import org.notmono.model.chat.GenerationSettings;
import org.notmono.model.chat.OptionChoice;
import org.notmono.model.chat.HeardSpan;
import org.notmono.model.chat.QuestionSource;
import org.notmono.model.chat.SpatialChatModel;
import org.notmono.model.chat.SuggestedQuestion;
import org.notmono.model.chat.session.ChatClip;
import org.notmono.model.chat.session.ChatHistoryStore;
import org.notmono.model.chat.session.ConversationMarkdown;
import org.notmono.model.chat.session.Exchange;
import org.notmono.model.chat.session.Question;
import org.notmono.model.chat.session.TaggedText;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.task.CancelledException;
import org.notmono.task.TaskContext;

/**
 * The Chat workspace's state: the loaded model, the attached clip, the conversation about it
 * (restored from and saved to the per-clip history), the question being written (with
 * multiple-choice options and the think switch), the answer while it streams, suggested
 * questions, and the encoder's slots for the clip. Long work runs through the task service;
 * streamed text reaches the properties through the UI executor, coalesced so a fast model
 * cannot flood it.
 */
public final class ChatViewModel {
    private static final Logger LOG = Logger.getLogger(ChatViewModel.class.getName());
    /** Suggested questions shown at a time. */
    public static final int SUGGESTIONS = 4;

    private final TaskService tasks;
    private final Executor ui;
    private final ChatModelLoader loader;
    private final QuestionSource questions;
    private final ChatHistoryStore history;

    private final ReadOnlyObjectWrapper<ChatState> state = new ReadOnlyObjectWrapper<>(ChatState.NO_MODEL);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper stateHeading = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper stateHint = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<SpatialChatModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ChatClip> clip = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HeardSpan> heard = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper loading = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ObservableList<Exchange> exchanges = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call listens weakly and would drop its listeners when collected. */
    private final ObservableList<Exchange> exchangesView = FXCollections.unmodifiableObservableList(exchanges);
    private final ReadOnlyObjectWrapper<Question> pending = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper streaming = new ReadOnlyStringWrapper("");
    private final StringProperty question = new SimpleStringProperty("");
    private final BooleanProperty multipleChoice = new SimpleBooleanProperty();
    private final List<StringProperty> options = List.of(new SimpleStringProperty(""), new SimpleStringProperty(""),
            new SimpleStringProperty(""), new SimpleStringProperty(""));
    private final BooleanProperty think = new SimpleBooleanProperty(true);
    private final ObjectProperty<OptionChoice> optionChoice = new SimpleObjectProperty<>(OptionChoice.LIKELIEST);
    private final DoubleProperty temperature = new SimpleDoubleProperty(0);
    private final BooleanBinding regenerateRepeats;
    /**
     * The model object that gave the last exchange, or null when it came from disk: checkpoints of one curriculum share
     * a name, so only the object itself tells whether another one answered. Set before {@link #exchanges} changes, which
     * re-evaluates {@link #regenerateRepeats}.
     */
    private SpatialChatModel lastAnswerer;
    private final IntegerProperty maxTokens = new SimpleIntegerProperty(256);
    private final ObservableList<SuggestedQuestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<SuggestedQuestion> suggestionsView = FXCollections.unmodifiableObservableList(suggestions);
    private final ReadOnlyObjectWrapper<SlotPrediction> slots = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper slotsNote = new ReadOnlyStringWrapper();
    private final BooleanBinding canAsk;

    private SuggestedQuestion chosen;
    private long suggestionSeed;
    private long requests;
    /** The answer being generated; pieces and results of one that was dropped (clear, new clip) are ignored. */
    private Generation running;

    /**
     * @param ui where streamed text is applied: the FX thread in the app, the calling thread in tests
     * @param questions the suggested questions' source; null when this build has none
     */
    public ChatViewModel(TaskService tasks, Executor ui, ChatModelLoader loader, QuestionSource questions,
                         ChatHistoryStore history) {
        this.tasks = Objects.requireNonNull(tasks);
        this.ui = Objects.requireNonNull(ui);
        this.loader = Objects.requireNonNull(loader);
        this.questions = questions;
        this.history = Objects.requireNonNull(history);
        canAsk = Bindings.createBooleanBinding(() -> model.get() != null && clip.get() != null && pending.get() == null
                        && loading.get() == null && !question.get().isBlank()
                        && (!multipleChoice.get() || options.stream().noneMatch(o -> o.get().isBlank())),
                model, clip, pending, loading, question, multipleChoice, options.get(0), options.get(1), options.get(2), options.get(3));
        regenerateRepeats = Bindings.createBooleanBinding(this::askingAgainRepeats, exchanges, temperature, optionChoice, model);
        model.addListener((o, a, b) -> updateState());
        clip.addListener((o, a, b) -> updateState());
        pending.addListener((o, a, b) -> updateState());
        loading.addListener((o, a, b) -> updateState());
        error.addListener((o, a, b) -> updateState());
        multipleChoice.addListener((o, a, b) -> refreshSuggestions());
        updateState();
    }

    private void updateState() {
        if (loading.get() != null) {
            String heading = loading.get();
            String hint = "Under way in the background; the other workspaces stay usable.";
            publishState(ChatState.LOADING, heading, hint, heading + "... " + hint);
        } else if (pending.get() != null) {
            String hint = model.get().name() + " is answering. Stop (Esc) keeps what it has said so far.";
            publishState(ChatState.GENERATING, "Ask about what you hear", hint, hint);
        } else if (error.get() != null) {
            publishState(ChatState.ERROR, "Something went wrong", error.get(), error.get());
        } else if (model.get() == null) {
            String heading = "No model loaded";
            String hint = "Use File > Load LALM checkpoint... to open a LALM checkpoint folder (lalm-*/), or train one with"
                    + " `notmono train curriculum --config tiny --data DATA -o RUNS` and load RUNS/stage4-*/checkpoints/step-N"
                    + (clip.get() == null ? "; then attach a clip." : ".");
            publishState(ChatState.NO_MODEL, heading, hint, heading + ". " + hint);
        } else if (clip.get() == null) {
            String heading = "No clip attached";
            String hint = "Open a WAV in Listen & View, or use Ask about this scene in the Scene workspace.";
            publishState(ChatState.NO_CLIP, heading, hint, heading + ". " + hint);
        } else {
            String hint = "Ready: " + model.get().name() + " hears " + clip.get().name() + ".";
            publishState(ChatState.READY, "Ask about what you hear", hint, hint);
        }
    }

    /**
     * Publishes a state in its three wordings: a short heading and a hint for an empty conversation (shown one under the
     * other, so the hint never repeats the heading), and one sentence for the banner above a conversation.
     */
    private void publishState(ChatState s, String heading, String hint, String sentence) {
        stateHeading.set(heading);
        stateHint.set(hint);
        stateText.set(sentence);
        state.set(s);
    }

    // --- the model ---

    /** Loads a checkpoint folder in the background; it replaces the current model when loaded. */
    public void loadModel(Path checkpoint) {
        load(String.valueOf(checkpoint.getFileName()), String.valueOf(checkpoint), ctx -> loader.load(checkpoint, ctx), true);
    }

    /**
     * Loads the checkpoint that ships with the app, in the background, found by {@code shipped}
     * (empty when none ships: the chat then stays without a model). A model the user loaded
     * meanwhile is kept.
     */
    public void loadShipped(Job<Optional<Path>> shipped) {
        load("the shipped model", "the assets", ctx -> {
            Optional<Path> dir = shipped.run(ctx);
            return dir.isEmpty() ? null : loader.load(dir.get(), ctx);
        }, false);
    }

    private void load(String name, String from, Job<SpatialChatModel> open, boolean replace) {
        error.set(null);
        loading.set("Loading " + name);
        attempt("Load LALM " + name, open, m -> {
            loading.set(null);
            if (m != null && (replace || model.get() == null)) {
                setModel(m);
            } else if (m != null) {
                m.close();
            }
        }, problem -> {
            loading.set(null);
            error.set("Cannot load the model from " + from + ": " + problem);
        });
    }

    /** Uses {@code m} from now on, closing the one before. */
    public void setModel(SpatialChatModel m) {
        stop();
        SpatialChatModel before = model.get();
        if (before != m) {
            lastAnswerer = null; // the model that answered is going: hold no closed model
        }
        model.set(m);
        if (before != null && before != m) {
            before.close();
        }
        updateHeard();
        computeSlots();
    }

    // --- the clip ---

    /** Reads a WAV file (and its RTSD, {@link org.notmono.sim.scene.ClipTruth}) and attaches it. */
    public void attach(Path wav) {
        attachWith(String.valueOf(wav.getFileName()), ctx -> ChatClip.load(wav, ctx));
    }

    /** Attaches a clip whose samples are already read (the one open in Listen & View). */
    public void attach(Path wav, AudioClip audio) {
        attachWith(String.valueOf(wav.getFileName()), ctx -> ChatClip.of(wav, audio, ctx));
    }

    private void attachWith(String fileName, Job<ChatClip> job) {
        String title = "Attach " + fileName;
        error.set(null);
        loading.set("Attaching " + fileName);
        attempt(title, job, c -> {
            loading.set(null);
            show(c);
        }, problem -> {
            loading.set(null);
            error.set(title + " failed: " + problem);
        });
    }

    /** Shows {@code c} with its saved conversation (dropping a generation about the clip before). */
    private void show(ChatClip c) {
        dropGeneration();
        List<Exchange> saved = List.of();
        String problem = null;
        try {
            saved = history.load(c);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot read the chat history of " + c.file(), e);
            problem = "The saved conversation about " + c.name() + " cannot be read: " + e.getMessage();
        }
        // the conversation first, so whoever sees the new clip sees its conversation too
        lastAnswerer = null;
        exchanges.setAll(saved);
        clip.set(c);
        error.set(problem);
        if (!c.isFoa()) {
            error.set(c.name() + " has " + c.audio().channelCount() + " channel(s): the model hears 4-channel FOA (ambiX). "
                    + "Render a scene or open an FOA recording.");
        }
        suggestionSeed = 0;
        refreshSuggestions();
        updateHeard();
        computeSlots();
    }

    private void updateHeard() {
        Exchange last = exchanges.isEmpty() ? null : exchanges.getLast();
        if (last != null && last.answer() != null) {
            heard.set(last.answer().heard());
        } else {
            heard.set(clip.get() == null || model.get() == null ? null : clip.get().heardBy(model.get().windowSeconds()));
        }
    }

    /** The encoder's slots for the span of the clip the model hears. */
    private void computeSlots() {
        slots.set(null);
        SpatialChatModel m = model.get();
        ChatClip c = clip.get();
        if (m == null || c == null) {
            slotsNote.set("The encoder's slots appear once a model and a clip are loaded.");
            return;
        }
        if (!c.isFoa()) {
            slotsNote.set("No slots: the clip is not FOA.");
            return;
        }
        slotsNote.set("Computing the encoder's slots...");
        HeardSpan span = c.heardBy(m.windowSeconds());
        attempt("Encoder slots for " + c.name(), ctx -> m.encoder().predict(span.cut(c.audio()), ctx), p -> {
            if (model.get() == m && clip.get() == c) {
                slots.set(p);
                slotsNote.set(m.encoder().name() + String.format(java.util.Locale.ROOT, ", %.2f-%.2f s", span.start(), span.end()));
            }
        }, problem -> slotsNote.set("No slots: " + problem));
    }

    // --- suggestions ---

    /** Other suggestions for the same clip. */
    public void moreSuggestions() {
        suggestionSeed++;
        refreshSuggestions();
    }

    private void refreshSuggestions() {
        if (questions == null || clip.get() == null) {
            suggestions.clear();
            return;
        }
        suggestions.setAll(questions.suggest(clip.get().truth(), SUGGESTIONS, multipleChoice.get(), suggestionSeed));
    }

    /** Puts a suggested question (and its options) into the composer; asked unchanged, its answer is checked. */
    public void use(SuggestedQuestion s) {
        chosen = s;
        multipleChoice.set(s.options() != null);
        question.set(s.question());
        for (int i = 0; i < options.size(); i++) {
            options.get(i).set(s.options() == null ? "" : s.options().get(i));
        }
    }

    // --- asking ---

    /** Asks the question in the composer; nothing when it cannot be asked now. */
    public void ask() {
        if (!canAsk.get()) {
            return;
        }
        List<String> opts = multipleChoice.get() ? options.stream().map(o -> o.get().strip()).toList() : null;
        String text = question.get().strip();
        SuggestedQuestion suggestion = chosen != null && chosen.question().equals(text)
                && Objects.equals(chosen.options(), opts) ? chosen : null;
        Question q = new Question(text, opts, think.get(), suggestion);
        question.set("");
        options.forEach(o -> o.set(""));
        chosen = null;
        start(q);
    }

    /**
     * True when asking the last question again would give its answer again: a whole answer of this model, decoded
     * greedily (Temperature 0), with no consensus sampling reasonings (that needs options, reasoning and the choice).
     * A stopped or failed answer, one of another model (another checkpoint of the same name too) or one read from disk
     * is worth asking again.
     */
    private boolean askingAgainRepeats() {
        if (exchanges.isEmpty() || model.get() == null || temperature.get() != 0) {
            return false;
        }
        Exchange last = exchanges.getLast();
        boolean consensus = optionChoice.get() == OptionChoice.CONSENSUS && last.question().multipleChoice() && last.question().think();
        return last.complete() && !consensus && model.get() == lastAnswerer;
    }

    /** Asks the last question again with another seed, replacing its answer; nothing when that would repeat it. */
    public void regenerate() {
        if (exchanges.isEmpty() || pending.get() != null || model.get() == null || clip.get() == null || regenerateRepeats.get()) {
            return;
        }
        Question q = exchanges.removeLast().question();
        save();
        start(q);
    }

    private void start(Question q) {
        SpatialChatModel m = model.get();
        ChatClip c = clip.get();
        List<ChatTurn> turns = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (e.complete()) {
                turns.add(new ChatTurn(ChatRole.USER, e.question().asTurnText()));
                turns.add(new ChatTurn(ChatRole.ASSISTANT, e.answer().text()));
            }
        }
        double t = temperature.get();
        GenerationSettings settings = new GenerationSettings(maxTokens.get(), t, 0, t == 0 ? 1 : 0.95, requests++,
                List.of("</answer>"));
        ChatRequest request = new ChatRequest(c.audio(), turns, q.text(), q.options(), q.think(), settings,
                optionChoice.get());
        Generation g = new Generation();
        running = g;
        error.set(null);
        streaming.set("");
        pending.set(q);
        TaskHandle handle = tasks.submit("Answer: " + abbreviate(q.text()), ctx -> generate(m, c, request, g, ctx),
                outcome -> finish(g, q, m, c, outcome));
        g.handle = handle;
    }

    /** Runs on the worker: never throws, so the view model always hears how it ended. */
    private Outcome generate(SpatialChatModel m, ChatClip c, ChatRequest request, Generation g, TaskContext ctx) {
        TaskContext stoppable = new TaskContext() {
            @Override
            public void progress(double fraction, String message) {
                ctx.progress(fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return g.stop.get() || ctx.isCancelled();
            }
        };
        try {
            return new Outcome(m.answer(request, piece -> stream(g, piece), stoppable), null);
        } catch (CancelledException e) {
            String text;
            synchronized (g.text) {
                text = g.text.toString();
            }
            TaggedText tagged = TaggedText.parse(text);
            return new Outcome(new ChatAnswer(text, tagged.think(), tagged.answer(), null, c.heardBy(m.windowSeconds()),
                    List.of(), 0, 0, 0, 0, true), null);
        } catch (ChatInputException e) {
            return new Outcome(null, e.getMessage());
        } catch (IOException e) {
            return new Outcome(null, "cannot read what the model needs: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the model failed", e);
            return new Outcome(null, "the model failed (" + e.getClass().getSimpleName() + "): " + e.getMessage()
                    + ". The log has the details.");
        }
    }

    /** Called by the model's thread with each new piece; the UI sees the text so far, once per burst. */
    private void stream(Generation g, String piece) {
        boolean schedule;
        synchronized (g.text) {
            schedule = !g.flushPending;
            g.text.append(piece);
            g.flushPending = true;
        }
        if (schedule) {
            ui.execute(() -> {
                String text;
                synchronized (g.text) {
                    text = g.text.toString();
                    g.flushPending = false;
                }
                if (running == g) {
                    streaming.set(text);
                }
            });
        }
    }

    private void finish(Generation g, Question q, SpatialChatModel m, ChatClip c, Outcome outcome) {
        if (running != g) {
            return; // dropped: the clip changed or the conversation was cleared meanwhile
        }
        running = null;
        Exchange e = new Exchange(q, outcome.answer(), outcome.error(), m.name());
        lastAnswerer = m;
        exchanges.add(e);
        streaming.set("");
        pending.set(null);
        if (outcome.error() != null) {
            error.set(outcome.error());
        }
        save();
        updateHeard();
    }

    /** Stops the answer being generated; what was generated so far stays, marked as stopped. */
    public void stop() {
        Generation g = running;
        if (g != null) {
            g.stop.set(true);
            if (g.handle != null) {
                g.handle.cancel();
            }
        }
    }

    private void dropGeneration() {
        stop();
        running = null;
        pending.set(null);
        streaming.set("");
    }

    /** Forgets the conversation about this clip, on screen and on disk. */
    public void clear() {
        dropGeneration();
        lastAnswerer = null;
        exchanges.clear();
        error.set(null);
        save();
        updateHeard();
    }

    private void save() {
        ChatClip c = clip.get();
        if (c == null) {
            return;
        }
        try {
            history.save(c, List.copyOf(exchanges));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot save the chat history", e);
            error.set("The conversation cannot be saved: " + e.getMessage());
        }
    }

    // --- copy and export ---

    /** The conversation as Markdown; empty without a clip. */
    public String markdown() {
        return clip.get() == null ? "" : ConversationMarkdown.write(clip.get(), exchanges);
    }

    /** Writes the conversation as Markdown to {@code file} (atomically). */
    public void exportMarkdown(Path file) {
        String text = markdown();
        attempt("Export chat to " + file.getFileName(), ctx -> {
            RenderOutput.writeAtomically(file, text);
            return file;
        }, f -> { }, problem -> error.set("Cannot export the chat: " + problem));
    }

    /** What Copy puts on the clipboard for one exchange: its answer (or its error). */
    public static String copyText(Exchange e) {
        return e.answer() == null ? e.error() : e.answer().answer();
    }

    // --- plumbing ---

    /** Runs a job; its result or the reason it failed reaches exactly one of the callbacks, on the UI executor. */
    private <T> void attempt(String title, Job<T> job, Consumer<T> done, Consumer<String> failed) {
        tasks.submit(title, ctx -> {
            try {
                return new Attempt<>(job.run(ctx), null);
            } catch (CancelledException e) {
                return new Attempt<T>(null, "cancelled");
            } catch (Exception e) {
                LOG.log(Level.WARNING, title + " failed", e);
                return new Attempt<T>(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }, a -> {
            if (a.error() == null) {
                done.accept(a.value());
            } else {
                failed.accept(a.error());
            }
        });
    }

    private record Attempt<T>(T value, String error) {
    }

    private record Outcome(ChatAnswer answer, String error) {
    }

    /** One answer being generated: its stop flag and the text streamed so far. */
    private static final class Generation {
        final AtomicBoolean stop = new AtomicBoolean();
        /** Guarded by itself. */
        final StringBuilder text = new StringBuilder();
        boolean flushPending;
        volatile TaskHandle handle;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "...";
    }

    // --- properties ---

    public ReadOnlyObjectProperty<ChatState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** One sentence saying what the state means and what to do (the banner above a conversation). */
    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** The state in a few words, the heading of an empty conversation. */
    public ReadOnlyStringProperty stateHeadingProperty() {
        return stateHeading.getReadOnlyProperty();
    }

    /** What the state means and what to do, without the heading's words (shown under {@link #stateHeadingProperty()}). */
    public ReadOnlyStringProperty stateHintProperty() {
        return stateHint.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SpatialChatModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ChatClip> clipProperty() {
        return clip.getReadOnlyProperty();
    }

    /** The span of the clip the model hears (the last answer's, else what its window allows); null without model or clip. */
    public ReadOnlyObjectProperty<HeardSpan> heardProperty() {
        return heard.getReadOnlyProperty();
    }

    /** The last failure in words, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The finished exchanges, oldest first (read-only for views). */
    public ObservableList<Exchange> exchanges() {
        return exchangesView;
    }

    /** The question being answered, or null. */
    public ReadOnlyObjectProperty<Question> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** The text streamed so far for the pending question, tags included. */
    public ReadOnlyStringProperty streamingProperty() {
        return streaming.getReadOnlyProperty();
    }

    /** The composer's text. */
    public StringProperty questionProperty() {
        return question;
    }

    public BooleanProperty multipleChoiceProperty() {
        return multipleChoice;
    }

    /** Option {@code i} (0 = A) of a multiple-choice question. */
    public StringProperty optionProperty(int i) {
        return options.get(i);
    }

    /** Whether the model reasons in {@code <think>} before answering. */
    public BooleanProperty thinkProperty() {
        return think;
    }

    /**
     * How a multiple-choice answer names its option: the likeliest option after the model's
     * reasoning (the default), the letter it writes, or where its walk over the options most
     * probably ends; the first and last give each option's probability in a notice.
     */
    public ObjectProperty<OptionChoice> optionChoiceProperty() {
        return optionChoice;
    }

    /**
     * True when Regenerate would only repeat the last answer: a whole answer of this model at Temperature 0, with no
     * consensus sampling reasonings.
     */
    public BooleanBinding regenerateRepeatsProperty() {
        return regenerateRepeats;
    }

    /** Sampling temperature; 0 is greedy. */
    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public IntegerProperty maxTokensProperty() {
        return maxTokens;
    }

    public ObservableList<SuggestedQuestion> suggestions() {
        return suggestionsView;
    }

    /** True when this build has a question source (the ASA generator). */
    public boolean hasQuestionSource() {
        return questions != null;
    }

    /** The encoder's slots for the heard span, or null while unknown. */
    public ReadOnlyObjectProperty<SlotPrediction> slotsProperty() {
        return slots.getReadOnlyProperty();
    }

    /** Where the slots come from, or why there are none. */
    public ReadOnlyStringProperty slotsNoteProperty() {
        return slotsNote.getReadOnlyProperty();
    }

    public BooleanBinding canAskProperty() {
        return canAsk;
    }
}
