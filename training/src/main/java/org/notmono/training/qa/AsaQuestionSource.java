package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.notmono.model.chat.QuestionSource;
import org.notmono.model.chat.SuggestedQuestion;
import org.notmono.sim.scene.Rtsd;

/**
 * The chat's suggested questions, from the ASA generator: with a clip's RTSD, questions of
 * varied families that carry their right answer and the facts it rests on; without one,
 * open questions worded like the families' templates that name no source. Open suggestions
 * never use a wording written for multiple choice ("Among these options, which sound...").
 */
public final class AsaQuestionSource implements QuestionSource {
    private final QaVocabulary vocab;
    private final Phrasings open;
    private final QaGenerator mcqGenerator;
    private final QaGenerator openGenerator;

    public AsaQuestionSource(QaVocabulary vocab, Phrasings phrasings) {
        this.vocab = vocab;
        this.open = phrasings.forOpenQuestions();
        this.mcqGenerator = new QaGenerator(vocab, phrasings, Phrasings.Set.ALL);
        this.openGenerator = new QaGenerator(vocab, open, Phrasings.Set.ALL);
    }

    @Override
    public List<SuggestedQuestion> suggest(Rtsd truth, int count, boolean multipleChoice, long seed) {
        List<Family> families = new ArrayList<>(Arrays.asList(Family.values()));
        Picks.shuffle(new SplittableRandom(seed), families);
        List<SuggestedQuestion> out = new ArrayList<>();
        if (truth == null) {
            SplittableRandom r = new SplittableRandom(seed);
            for (Family f : families) {
                List<Phrasings.Template> plain = open.of(f, Phrasings.Set.ALL).stream()
                        .filter(t -> !t.text().matches(".*\\{(X|Y|where|turn)}.*")).toList();
                if (out.size() < count && !plain.isEmpty()) {
                    String text = Picks.one(r, plain).text().replace("{extreme}", f == Family.MULTIHOP ? "closest" : "closest to");
                    out.add(new SuggestedQuestion(f.id(), text, null, null, null, List.of()));
                }
            }
            return out;
        }
        SceneFacts facts = SceneFacts.of(truth);
        QaKind kind = multipleChoice ? QaKind.MCQ : QaKind.OPEN;
        for (int i = 0; i < families.size() && out.size() < count; i++) {
            if (!multipleChoice && open.of(families.get(i), Phrasings.Set.ALL).isEmpty()) {
                continue; // every wording of the family needs options
            }
            Optional<QaItem> q = (multipleChoice ? mcqGenerator : openGenerator).generate(facts, "", families.get(i), kind, seed, i);
            if (q.isPresent()) {
                QaItem item = q.get();
                out.add(new SuggestedQuestion(item.family().id(), item.question(), item.options(),
                        multipleChoice ? item.answer().charAt(0) : null, item.answerText(),
                        item.facts().stream().map(p -> FactWords.say(p, facts, vocab)).toList()));
            }
        }
        return out;
    }
}
