package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Makes QA items from scene truths. An item is a pure function of (the scene, the family, the
 * kind, seed, index, variant): the index and the variant pick the template, what is asked
 * about (which source, which distances...) and the distractors; the index alone picks the
 * right letter, so the letters are balanced exactly within every run of four consecutive
 * indices. A family that a scene cannot answer without ambiguity gives no item in any variant;
 * the variants let a corpus pick the question whose answer it lacks ({@link AnswerBalance}).
 */
public final class QaGenerator {
    /** How many variants of a question a corpus or benchmark may try per scene and family. */
    public static final int VARIANTS = 4;
    private final PerceptionQuestions perception;
    private final IntegrationQuestions integration;
    private final ReasoningQuestions reasoning;
    private final Phrasings phrasings;
    private final Phrasings.Set set;

    /** @param set which templates to word questions with (training corpora: {@link Phrasings.Set#TRAIN}) */
    public QaGenerator(QaVocabulary vocab, Phrasings phrasings, Phrasings.Set set) {
        this.perception = new PerceptionQuestions(vocab);
        this.integration = new IntegrationQuestions(vocab);
        this.reasoning = new ReasoningQuestions(vocab);
        this.phrasings = phrasings;
        this.set = set;
    }

    /**
     * The item of {@code family} and {@code kind} about a scene, or empty when the scene cannot
     * carry that question unambiguously.
     *
     * @param clip the scene's clip path as the item should name it
     */
    public Optional<QaItem> generate(SceneFacts scene, String clip, Family family, QaKind kind, long seed, long index) {
        return generate(scene, clip, family, kind, seed, index, 0);
    }

    /**
     * Variant {@code variant} of the item: the same question drawn with another stream of
     * choices (variant 0 is {@link #generate(SceneFacts, String, Family, QaKind, long, long)}'s).
     * Variants differ only where the family has choices; when variant 0 is empty, so is every
     * variant.
     */
    public Optional<QaItem> generate(SceneFacts scene, String clip, Family family, QaKind kind, long seed, long index,
                                     int variant) {
        long stream = mix(mix(seed, index), family.ordinal());
        SplittableRandom r = new SplittableRandom(variant == 0 ? stream : mix(stream, variant));
        Draft d = draft(family, scene, r);
        if (d == null) {
            return Optional.empty();
        }
        List<Phrasings.Template> templates = phrasings.of(family, set);
        Phrasings.Template template = templates.get(r.nextInt(templates.size()));
        String question = fill(template.text(), d.fill());
        String id = scene.id() + "/" + family.id() + "/" + kind.id();
        return Optional.of(switch (kind) {
            case OPEN -> new QaItem(id, scene.id(), clip, family, kind, template.id(), question, null, d.sentence(),
                    d.texts().getFirst(), null, d.facts(), d.sentence(), d.query(List.of(d.values().getFirst())));
            case COT -> new QaItem(id, scene.id(), clip, family, kind, template.id(), question, null, d.sentence(),
                    d.texts().getFirst(), d.openThink(), d.facts(), "<think>" + d.openThink() + "</think><answer>" + d.sentence() + "</answer>",
                    d.query(List.of(d.values().getFirst())));
            case MCQ -> lettered(d, r, id, scene.id(), clip, template, question, letterPosition(seed, index));
        });
    }

    private QaItem lettered(Draft d, SplittableRandom r, String id, String scene, String clip, Phrasings.Template template,
                            String question, int position) {
        List<Integer> shown = new ArrayList<>(List.of(1, 2, 3));   // the distractors, then the right one inserted
        Picks.shuffle(r, shown);
        shown.add(position, 0);
        List<String> options = new ArrayList<>(), values = new ArrayList<>();
        for (int k : shown) {
            options.add(d.texts().get(k));
            values.add(d.values().get(k));
        }
        String letter = String.valueOf((char) ('A' + position));
        String think = d.think(shown);
        return new QaItem(id, scene, clip, d.family(), QaKind.MCQ, template.id(), question, options, letter, d.texts().getFirst(),
                think, d.facts(), "<think>" + think + "</think><answer>" + letter + ". " + d.texts().getFirst() + "</answer>",
                d.query(values));
    }

    /** The right option's position for item {@code index}: each block of four indices uses each position once. */
    static int letterPosition(long seed, long index) {
        List<Integer> perm = new ArrayList<>(List.of(0, 1, 2, 3));
        Picks.shuffle(new SplittableRandom(mix(seed ^ 0x4C455454L, Math.floorDiv(index, 4))), perm);
        return perm.get((int) Math.floorMod(index, 4));
    }

    private Draft draft(Family f, SceneFacts s, SplittableRandom r) {
        return switch (f) {
            case COUNT -> perception.count(s, r);
            case EVENT_CLASS -> perception.eventClass(s, r);
            case TRANSCRIPT -> perception.transcript(s, r);
            case AZIMUTH -> perception.azimuth(s, r);
            case ELEVATION -> perception.elevation(s, r);
            case DISTANCE -> perception.distance(s, r);
            case ROOM -> perception.room(s, r);
            case ATTRIBUTE -> integration.attribute(s, r);
            case LOCATION_OF -> integration.locationOf(s, r);
            case ID_AT -> integration.idAt(s, r);
            case RELATIVE_DISTANCE -> integration.relativeDistance(s, r);
            case RELATIVE_DIRECTION -> integration.relativeDirection(s, r);
            case ABDUCTION -> reasoning.abduction(s, r);
            case INTENT -> reasoning.intent(s, r);
            case ROTATE -> reasoning.rotate(s, r);
            case REMOVAL -> reasoning.removal(s, r);
            case MULTIHOP -> reasoning.multihop(s, r);
            case PHYSICS -> reasoning.physics(s, r);
        };
    }

    private static String fill(String template, Map<String, String> fill) {
        String q = template;
        for (Map.Entry<String, String> e : fill.entrySet()) {
            q = q.replace("{" + e.getKey() + "}", e.getValue());
        }
        // a placeholder that opens the sentence starts with a capital
        return Picks.capital(q);
    }

    /** Stafford's mix13 of a pair. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
