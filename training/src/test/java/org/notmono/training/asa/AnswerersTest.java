package org.notmono.training.asa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.model.chat.ChatAnswer;
import org.notmono.model.chat.ChatRequest;
import org.notmono.model.chat.HeardSpan;
import org.notmono.model.chat.SpatialChatModel;
import org.notmono.sim.scene.Slot;
import org.notmono.sim.scene.SlotPrediction;
import org.notmono.sim.scene.SlotPredictor;
import org.notmono.task.TaskContext;
import org.notmono.training.qa.AnswerRules;
import org.notmono.training.qa.Family;
import org.notmono.training.qa.Perception;
import org.notmono.training.qa.QaItem;
import org.notmono.training.qa.QaKind;
import org.notmono.training.qa.QaVocabulary;
import org.notmono.training.qa.Query;

class AnswerersTest {
    @TempDir
    Path dir;

    private static QaItem azimuthItem() {
        return new QaItem("s-1/azimuth/mcq", "s-1", "clip.wav", Family.AZIMUTH, QaKind.MCQ, "azimuth/t1", "Where is the dog bark?",
                List.of("To your right", "Behind you", "In front of you", "To your left"), "D", "To your left", null, List.of(),
                "", new Query(List.of("dog_bark"), Map.of(), List.of("right", "behind", "front", "left")));
    }

    private Path silentClip() throws Exception {
        Path clip = dir.resolve("clip.wav");
        Wav.write(clip, new AudioClip(16000, new float[4][1600]), SampleEncoding.PCM_16);
        return clip;
    }

    @Test
    void slotAnswerersApplyTheRulesToPredictedSlotsAndAClassFreeListenerGuessesOnlyAmongHeardSources() throws Exception {
        AnswerRules rules = new AnswerRules(QaVocabulary.fromAssets());
        AsaQuestion q = new AsaQuestion(azimuthItem(), silentClip(), null);
        SlotPredictor classified = fixed(new Slot(100, 0, 2.0, "dog_bark", null, 0.9), new Slot(-100, 0, 2.0, "piano", null, 0.9));
        assertEquals('D', LetterExtraction.letter(new SlotAnswerer("slots", classified, null, rules, 1).answer(q, TaskContext.none())));
        // without classes, the dog bark is one of the heard sources: left or right, never front or behind
        SlotPredictor classFree = fixed(Slot.direction(100, 0, 0.9), Slot.direction(-100, 0, 0.9));
        for (long seed = 0; seed < 20; seed++) {
            char letter = LetterExtraction.letter(new SlotAnswerer("dsp", classFree, null, rules, seed).answer(q, TaskContext.none()));
            assertTrue(letter == 'A' || letter == 'D', "guessed " + letter);
        }
        assertEquals(List.of(0, 3), rules.candidates(Family.AZIMUTH, q.item().query(),
                Perception.slots(classFree.predict(null, TaskContext.none()))));
    }

    private static SlotPredictor fixed(Slot... slots) {
        return new SlotPredictor() {
            @Override
            public String name() {
                return "fixed";
            }

            @Override
            public SlotPrediction predict(AudioClip foa, TaskContext task) {
                return SlotPrediction.of(List.of(slots));
            }
        };
    }

    @Test
    void aChatModelHearsTheClipAndReadsTheQuestionWithItsOptions() throws Exception {
        List<ChatRequest> seen = new ArrayList<>();
        SpatialChatModel model = new SpatialChatModel() {
            @Override
            public String name() {
                return "fake LALM";
            }

            @Override
            public double windowSeconds() {
                return 4;
            }

            @Override
            public SlotPredictor encoder() {
                return fixed();
            }

            @Override
            public ChatAnswer answer(ChatRequest request, Consumer<String> onText, TaskContext task) {
                seen.add(request);
                String text = "<think>I hear it on my left.</think><answer>D. To your left</answer>";
                return new ChatAnswer(text, "I hear it on my left.", "D. To your left", 'D', new HeardSpan(0, 0.1, 0.1), List.of(),
                        10, 10, 1, 2, false);
            }

            @Override
            public void close() {
            }
        };
        Path clip = silentClip();
        try (ChatModelAnswerer a = new ChatModelAnswerer(model, 128)) {
            String text = a.answer(new AsaQuestion(azimuthItem(), clip, null), TaskContext.none());
            assertEquals('D', LetterExtraction.letter(text));
            assertEquals("fake LALM", a.name());
        }
        ChatRequest r = seen.getFirst();
        assertEquals("Where is the dog bark?", r.question());
        assertEquals(azimuthItem().options(), r.options());
        assertEquals(4, r.foa().channels().length);
        assertTrue(r.think());
        assertTrue(Files.exists(clip));
    }
}
