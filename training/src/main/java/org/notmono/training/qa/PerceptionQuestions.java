package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.notmono.sim.scene.DirectionWords;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.scene.RoomCategory;
import org.notmono.sim.scene.DirectionWords.Height;
import org.notmono.sim.scene.DirectionWords.Sector;

/** Level 1 (perception): count, event class, transcript, azimuth, elevation, distance, room. */
final class PerceptionQuestions {
    private static final String[] COUNT_WORDS = {"None", "One", "Two", "Three", "Four"};
    private final QaVocabulary vocab;
    private final List<String> classIds;

    PerceptionQuestions(QaVocabulary vocab) {
        this.vocab = vocab;
        this.classIds = vocab.classIds();
    }

    Draft count(SceneFacts s, SplittableRandom r) {
        int n = s.sources().size();
        if (n < 1 || n > 4) {
            return null;
        }
        List<String> values = new ArrayList<>(List.of(Integer.toString(n)));
        for (int k = 1; k <= 4; k++) {
            if (k != n) {
                values.add(Integer.toString(k));
            }
        }
        List<String> texts = values.stream().map(v -> COUNT_WORDS[Integer.parseInt(v)]).toList();
        List<String> nouns = s.sources().stream().map(x -> vocab.noun(x.classId())).toList();
        List<String> facts = new ArrayList<>(List.of("/sources"));
        s.sources().forEach(x -> facts.add(x.pointer("class")));
        String think = "I hear " + list(nouns) + ". That makes " + n + " " + sources(n) + ".";
        return new Draft(Family.COUNT, Map.of(), List.of(), Map.of(), values, texts,
                "I hear " + n + " distinct " + sources(n) + ".", think, facts);
    }

    Draft eventClass(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source> known = s.sources().stream().filter(x -> x.classId() != null).toList();
        if (known.isEmpty()) {
            return null;
        }
        SceneFacts.Source t = Picks.one(r, known);
        Set<String> present = classes(s);
        List<String> wrong = Picks.some(r, classIds(), 3, c -> !present.contains(c));
        if (wrong == null) {
            return null;
        }
        List<String> values = new ArrayList<>(List.of(t.classId()));
        values.addAll(wrong);
        String heard = vocab.noun(t.classId()) + ", " + DirectionWords.sector(t.azimuth()).words() + ".";
        // Like attribute verification (decision 0005's addendum), the reasoning over options starts from the classes they
        // name: the scene may hold sources no option names, and describing one of those leaves nothing to judge the
        // options by. It lists them in the order the question shows them, a copy the small decoder learns; in
        // alphabetical order it repeated one and dropped another (curriculum 27).
        return new Draft(Family.EVENT_CLASS, Map.of(), List.of(), Map.of(), values, values.stream().map(vocab::name).toList(),
                "I can hear " + vocab.noun(t.classId()) + ".", "Of " + Draft.OFFERED + ", I hear only " + heard,
                List.of(t.pointer("class")), "I hear " + heard, values.stream().map(vocab::noun).toList());
    }

    Draft transcript(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source> speaking = s.sources().stream().filter(x -> x.transcript() != null).toList();
        if (speaking.size() != 1) {
            return null;
        }
        SceneFacts.Source t = speaking.getFirst();
        String said = t.transcript().strip();
        List<String> wrong = Picks.some(r, vocab.transcripts(), 3, x -> !x.equals(said));
        if (wrong == null) {
            return null;
        }
        List<String> values = new ArrayList<>(List.of(said));
        values.addAll(wrong);
        String think = "I hear " + vocab.noun(t.classId()) + " " + DirectionWords.sector(t.azimuth()).words() + ", saying: \""
                + values.getFirst() + "\"";
        return new Draft(Family.TRANSCRIPT, Map.of(), List.of(), Map.of(), values, values,
                "The speaker says: \"" + values.getFirst() + "\"", think, List.of(t.pointer("class"), t.pointer("transcript")));
    }

    Draft azimuth(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source> ok = s.sources().stream().filter(x -> s.uniqueClass(x) && SpatialWords.clearSector(x.azimuth())).toList();
        if (ok.isEmpty()) {
            return null;
        }
        SceneFacts.Source t = Picks.one(r, ok);
        Sector sector = DirectionWords.sector(t.azimuth());
        List<String> values = new ArrayList<>(List.of(sector.id()));
        for (Sector x : Sector.values()) {
            if (x != sector) {
                values.add(x.id());
            }
        }
        String x = vocab.noun(t.classId());
        String think = "I hear " + x + " " + sector.words() + ": its azimuth of " + SpatialWords.degrees(t.azimuth()) + " is "
                + why(t.azimuth()) + ".";
        return new Draft(Family.AZIMUTH, Map.of("X", x), List.of(t.classId()), Map.of(), values,
                values.stream().map(v -> Picks.capital(Sector.of(v).words())).toList(),
                Picks.capital(x) + " is " + sector.words() + ".", think, List.of(t.pointer("class"), t.pointer("azimuth")));
    }

    Draft elevation(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source> ok = s.sources().stream()
                .filter(x -> s.uniqueClass(x) && SpatialWords.clearHeight(x.elevation()) != null).toList();
        if (ok.isEmpty()) {
            return null;
        }
        SceneFacts.Source t = Picks.one(r, ok);
        Height h = SpatialWords.clearHeight(t.elevation());
        List<String> values = new ArrayList<>(List.of(h.id()));
        for (Height x : Height.values()) {
            if (x != h) {
                values.add(x.id());
            }
        }
        String x = vocab.noun(t.classId());
        String think = "I hear " + x + " " + h.words() + ", arriving from an elevation of " + SpatialWords.degrees(t.elevation()) + ".";
        return new Draft(Family.ELEVATION, Map.of("X", x), List.of(t.classId()), Map.of(), values,
                values.stream().map(v -> Picks.capital(Height.of(v).words())).toList(),
                Picks.capital(x) + " is " + h.words() + ".", think, List.of(t.pointer("class"), t.pointer("elevation")));
    }

    Draft distance(SceneFacts s, SplittableRandom r) {
        double plausible = s.plausibleDistance();
        List<SceneFacts.Source> ok = s.sources().stream()
                .filter(x -> s.uniqueClass(x) && !ranks(SpatialWords.wrongDistances(x.distance(), plausible), x.distance()).isEmpty())
                .toList();
        if (ok.isEmpty()) {
            return null;
        }
        SceneFacts.Source t = Picks.one(r, ok);
        double named = SpatialWords.about(t.distance());
        List<Double> wrong = SpatialWords.wrongDistances(t.distance(), plausible);
        // the right distance's rank among the four, any the wrong distances allow
        int rank = Picks.one(r, ranks(wrong, t.distance()));
        List<Double> picked = new ArrayList<>(Picks.some(r, wrong.stream().filter(d -> d < named).toList(), rank, d -> true));
        picked.addAll(Picks.some(r, wrong.stream().filter(d -> d > named).toList(), 3 - rank, d -> true));
        List<String> values = new ArrayList<>(List.of(SpatialWords.number(named)));
        picked.forEach(d -> values.add(SpatialWords.number(d)));
        String x = vocab.noun(t.classId());
        String think = "The direct sound and the reverberation place " + x + " " + SpatialWords.measured(t.distance())
                + " from me, which is about " + SpatialWords.metres(named) + ".";
        return new Draft(Family.DISTANCE, Map.of("X", x), List.of(t.classId()), Map.of(), values,
                values.stream().map(v -> "About " + v + " m").toList(),
                Picks.capital(x) + " is about " + SpatialWords.metres(named) + " away.", think,
                List.of(t.pointer("class"), t.pointer("distance")));
    }

    /** The ranks (0-3) the right distance can take among four options drawn from {@code wrong}. */
    private static List<Integer> ranks(List<Double> wrong, double truth) {
        double named = SpatialWords.about(truth);
        long below = wrong.stream().filter(d -> d < named).count(), above = wrong.size() - below;
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k <= 3; k++) {
            if (below >= k && above >= 3 - k) {
                out.add(k);
            }
        }
        return out;
    }

    Draft room(SceneFacts s, SplittableRandom r) {
        double[] d = s.room().size();
        String size = RoomCategory.size(new Shoebox(d[0], d[1], d[2]));
        String reverb = RoomCategory.reverb(s.room().meanAbsorption());
        boolean clearSize = size.equals(RoomCategory.size(new Shoebox(d[0] * 0.9, d[1] * 0.9, d[2] * 0.9)))
                && size.equals(RoomCategory.size(new Shoebox(d[0] * 1.1, d[1] * 1.1, d[2] * 1.1)));
        boolean clearReverb = reverb.equals(RoomCategory.reverb(s.room().meanAbsorption() * 0.85))
                && reverb.equals(RoomCategory.reverb(s.room().meanAbsorption() * 1.15));
        if (!clearSize || !clearReverb || !size.equals(s.room().category()) || !reverb.equals(s.room().reverb())) {
            return null;
        }
        // two sizes by two reverberations: each offered twice, only the right room has both right
        String otherSize = Picks.one(r, List.of("small", "medium", "large").stream().filter(z -> !z.equals(size)).toList());
        String otherReverb = Picks.one(r, RoomCategory.REVERBS.stream().filter(v -> !v.equals(reverb)).toList());
        List<String> values = List.of(size + "/" + reverb, size + "/" + otherReverb, otherSize + "/" + reverb, otherSize + "/" + otherReverb);
        String think = String.format(java.util.Locale.ROOT,
                "The reverberation decays with an RT60 of about %.2f s and the early reflections fit a room of %.1f x %.1f x %.1f m: %s.",
                s.room().rt60(), d[0], d[1], d[2], roomWords(values.getFirst()));
        return new Draft(Family.ROOM, Map.of(), List.of(), Map.of(), values,
                values.stream().map(v -> Picks.capital(roomWords(v))).toList(),
                "It sounds like " + roomWords(values.getFirst()) + ".", think, List.of("/room/size", "/room/rt60/eyring"));
    }

    /** "a small, dry room" for {@code small/dry}. */
    static String roomWords(String value) {
        String[] p = value.split("/");
        return "a " + RoomCategory.sizeWords(p[0]) + ", " + RoomCategory.reverbWords(p[1]) + " room";
    }

    /** Why an azimuth is in its sector, in DESIGN.md's thresholds: "between 45 and 135 degrees to the left". */
    static String why(double azimuth) {
        return switch (DirectionWords.sector(azimuth)) {
            case FRONT -> "within " + DirectionWords.FRONT_EDGE + " degrees of straight ahead";
            case LEFT -> "between " + DirectionWords.FRONT_EDGE + " and " + DirectionWords.BACK_EDGE + " degrees to the left";
            case RIGHT -> "between " + DirectionWords.FRONT_EDGE + " and " + DirectionWords.BACK_EDGE + " degrees to the right";
            case BEHIND -> "more than " + DirectionWords.BACK_EDGE + " degrees from the front";
        };
    }

    private Set<String> classes(SceneFacts s) {
        return s.sources().stream().map(SceneFacts.Source::classId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    private List<String> classIds() {
        return classIds;
    }

    static String sources(int n) {
        return n == 1 ? "sound source" : "sound sources";
    }

    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
