package org.notmono.model.chat.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatInputException;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.HeardSpan;
import org.notmono.model.chat.SpatialChatModel;
import org.notmono.model.chat.session.TaggedText;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.task.TaskContext;

/**
 * A test double of the spatial LALM for the view model's unit tests only: they check exact
 * texts (the multiple-choice letter, the answer check against the truth, the Markdown export,
 * the history that comes back), which a real model trained in a test's seconds cannot say on
 * cue. It answers each request with the text its script gives, streamed word by word, honours
 * cancellation between words like the real generator, and records the requests it saw. The
 * Chat journey drives the real LALM; the view model is tested against the
 * {@link SpatialChatModel} contract, not against this.
 */
final class ScriptedChatModel implements SpatialChatModel {
    private static final Pattern LETTER = Pattern.compile("<answer>\\s*([A-D])\\b");

    private final Function<ChatRequest, String> script;
    private final double window;
    final List<ChatRequest> requests = new ArrayList<>();
    /** Called after each streamed piece with the number streamed so far (a test may stop the answer here). */
    Consumer<Integer> afterPiece = n -> { };
    boolean closed;

    ScriptedChatModel(double window, Function<ChatRequest, String> script) {
        this.window = window;
        this.script = script;
    }

    @Override
    public String name() {
        return "Scripted LALM";
    }

    @Override
    public double windowSeconds() {
        return window;
    }

    @Override
    public SlotPredictor encoder() {
        return new SlotPredictor() {
            @Override
            public String name() {
                return "Scripted encoder";
            }

            @Override
            public SlotPrediction predict(org.notmono.audio.AudioClip foa, TaskContext task) {
                // one slot whose existence is the heard length in seconds, so a test sees which span was encoded
                return SlotPrediction.of(List.of(new Slot(90, 0, 2.0, "dog_bark", null, Math.min(1, foa.duration() / 10))));
            }
        };
    }

    @Override
    public ChatAnswer answer(ChatRequest request, Consumer<String> onText, TaskContext task) throws ChatInputException {
        if (request.foa().channelCount() != 4) {
            throw new ChatInputException("the model hears 4-channel FOA; this clip has " + request.foa().channelCount());
        }
        requests.add(request);
        String full = script.apply(request);
        StringBuilder said = new StringBuilder();
        int n = 0;
        boolean stopped = false;
        for (String piece : full.split("(?<= )")) {
            if (task.isCancelled()) {
                stopped = true;
                break;
            }
            said.append(piece);
            onText.accept(piece);
            afterPiece.accept(++n);
        }
        String text = said.toString();
        TaggedText t = TaggedText.parse(text);
        Matcher m = LETTER.matcher(text);
        double d = request.foa().duration();
        return new ChatAnswer(text, t.think(), t.answer(), m.find() ? m.group(1).charAt(0) : null,
                new HeardSpan(0, Math.min(d, window), d), List.of(), 10, n, 5, 20, stopped);
    }

    @Override
    public void close() {
        closed = true;
    }
}
