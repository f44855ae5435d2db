package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.notmono.sim.scene.DirectionWords;
import org.notmono.sim.scene.DirectionWords.Sector;

/** Level 2 (integration): attribute verification, location given ID, ID given location, relative distance and direction. */
final class IntegrationQuestions {
    private final QaVocabulary vocab;
    private final List<String> classIds;

    IntegrationQuestions(QaVocabulary vocab) {
        this.vocab = vocab;
        this.classIds = vocab.classIds();
    }

    /**
     * Four claims crossing two classes, two sectors and two distances so that each value is
     * offered twice and only the right claim has all three right: (class, sector, distance),
     * (class, other sector, other distance), (absent class, sector, other distance) and (absent
     * class, other sector, distance).
     */
    Draft attribute(SceneFacts s, SplittableRandom r) {
        SceneFacts.Source t = clearUnique(s, r);
        if (t == null) {
            return null;
        }
        Sector sector = DirectionWords.sector(t.azimuth());
        String d = SpatialWords.number(SpatialWords.about(t.distance()));
        String dWrong = wrongDistance(s, t, r);
        Sector sWrong = Picks.one(r, otherSectors(sector));
        String cWrong = absentClass(s, r);
        List<String> values = List.of(claim(t.classId(), sector, d), claim(t.classId(), sWrong, dWrong), claim(cWrong, sector, dWrong),
                claim(cWrong, sWrong, d));
        String x = vocab.noun(t.classId());
        String heard = x + ", " + sector.words() + ", at an azimuth of " + SpatialWords.degrees(t.azimuth()) + ", and "
                + SpatialWords.measured(t.distance()) + " away, about " + d + " m.";
        // without options to start from (a chain-of-thought item), the reasoning names only the source heard
        return new Draft(Family.ATTRIBUTE, Map.of(), List.of(), Map.of(), values, values.stream().map(this::claimWords).toList(),
                claimWords(values.getFirst()), "Of " + bothInOrder(x, vocab.noun(cWrong)) + ", I hear only " + heard,
                List.of(t.pointer("class"), t.pointer("azimuth"), t.pointer("distance")), "I hear " + heard);
    }

    /**
     * "the dog bark and the kettle": the two classes the options name, in alphabetical order so that
     * the order says nothing of which one is heard. The reasoning starts from them because the
     * question names no source: a model that describes another source of the scene has nothing to
     * judge the options by.
     */
    private static String bothInOrder(String a, String b) {
        return a.compareTo(b) <= 0 ? a + " and " + b : b + " and " + a;
    }

    /** Two sectors by two distances: each offered twice, only the right place has both right. */
    Draft locationOf(SceneFacts s, SplittableRandom r) {
        SceneFacts.Source t = clearUnique(s, r);
        if (t == null) {
            return null;
        }
        Sector sector = DirectionWords.sector(t.azimuth());
        String d = SpatialWords.number(SpatialWords.about(t.distance()));
        String dWrong = wrongDistance(s, t, r);
        Sector sWrong = Picks.one(r, otherSectors(sector));
        List<String> values = List.of(place(sector, d), place(sector, dWrong), place(sWrong, d), place(sWrong, dWrong));
        String x = vocab.noun(t.classId());
        String think = "I hear " + x + " " + sector.words() + ", at an azimuth of " + SpatialWords.degrees(t.azimuth()) + ", "
                + SpatialWords.measured(t.distance()) + " away.";
        return new Draft(Family.LOCATION_OF, Map.of("X", x), List.of(t.classId()), Map.of(), values,
                values.stream().map(IntegrationQuestions::placeWords).toList(),
                Picks.capital(x) + " is " + Picks.lower(placeWords(values.getFirst())) + ".", think,
                List.of(t.pointer("class"), t.pointer("azimuth"), t.pointer("distance")));
    }

    /** A wrong distance for a source, nearer or farther than it with even odds when both exist. */
    private static String wrongDistance(SceneFacts s, SceneFacts.Source t, SplittableRandom r) {
        double named = SpatialWords.about(t.distance());
        List<Double> wrong = SpatialWords.wrongDistances(t.distance(), s.plausibleDistance());
        List<Double> nearer = wrong.stream().filter(d -> d < named).toList(), farther = wrong.stream().filter(d -> d > named).toList();
        boolean near = farther.isEmpty() || !nearer.isEmpty() && r.nextBoolean();
        return SpatialWords.number(Picks.one(r, near ? nearer : farther));
    }

    Draft idAt(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source> ok = new ArrayList<>();
        for (SceneFacts.Source t : s.sources()) {
            Sector sector = DirectionWords.sector(t.azimuth());
            boolean alone = s.sources().stream().filter(o -> o != t).allMatch(o -> DirectionWords.sector(o.azimuth()) != sector
                    && DirectionWords.sector(o.azimuth() - SpatialWords.ANGLE_MARGIN) != sector
                    && DirectionWords.sector(o.azimuth() + SpatialWords.ANGLE_MARGIN) != sector);
            if (t.classId() != null && alone && SpatialWords.clearSector(t.azimuth())) {
                ok.add(t);
            }
        }
        if (ok.isEmpty()) {
            return null;
        }
        SceneFacts.Source t = Picks.one(r, ok);
        Sector sector = DirectionWords.sector(t.azimuth());
        String d = SpatialWords.number(SpatialWords.about(t.distance()));
        List<String> values = new ArrayList<>(List.of(t.classId()));
        s.sources().stream().map(SceneFacts.Source::classId).filter(Objects::nonNull).filter(c -> !values.contains(c)).forEach(values::add);
        List<String> fill = Picks.some(r, classIds(), 4 - Math.min(4, values.size()), c -> !values.contains(c));
        if (fill == null) {
            return null;
        }
        values.addAll(fill);
        while (values.size() > 4) {
            values.remove(values.size() - 1);
        }
        String where = sector.words() + ", about " + d + " m away";
        String think = "Of the sounds I hear, only " + vocab.noun(t.classId()) + " is " + sector.words() + ", at an azimuth of "
                + SpatialWords.degrees(t.azimuth()) + ", " + SpatialWords.measured(t.distance()) + " away.";
        return new Draft(Family.ID_AT, Map.of("where", where), List.of(), Map.of("sector", sector.id(), "distance", d), values,
                values.stream().map(vocab::name).toList(),
                "The sound " + where + " is " + vocab.noun(t.classId()) + ".", think,
                List.of(t.pointer("class"), t.pointer("azimuth"), t.pointer("distance")));
    }

    Draft relativeDistance(SceneFacts s, SplittableRandom r) {
        if (s.sources().size() < 2 || !s.sources().stream().allMatch(s::uniqueClass)) {
            return null;
        }
        List<Boolean> clear = new ArrayList<>();
        for (boolean c : new boolean[] {true, false}) {
            SceneFacts.Source t = s.byDistance(c).getFirst();
            if (s.sources().stream().filter(o -> o != t).allMatch(o -> SpatialWords.distinctDistances(o.distance(), t.distance()))) {
                clear.add(c);
            }
        }
        if (clear.isEmpty()) {
            return null;
        }
        boolean closest = Picks.one(r, clear);
        SceneFacts.Source t = s.byDistance(closest).getFirst();
        List<String> values = new ArrayList<>(List.of(t.classId()));
        s.sources().stream().filter(o -> o != t).forEach(o -> values.add(o.classId()));
        List<String> fill = Picks.some(r, classIds(), 4 - values.size(), c -> !values.contains(c));
        if (fill == null || values.size() > 4) {
            return null;
        }
        values.addAll(fill);
        List<String> facts = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (SceneFacts.Source o : s.sources()) {
            facts.add(o.pointer("class"));
            facts.add(o.pointer("distance"));
            said.add(vocab.noun(o.classId()) + " is " + SpatialWords.measured(o.distance()) + " away");
        }
        String extreme = closest ? "closest to" : "farthest from";
        String think = "I hear that " + PerceptionQuestions.list(said) + ". So " + vocab.noun(t.classId()) + " is the " + extreme
                + " me.";
        return new Draft(Family.RELATIVE_DISTANCE, Map.of("extreme", extreme), List.of(),
                Map.of("extreme", closest ? "closest" : "farthest"), values, values.stream().map(vocab::name).toList(),
                Picks.capital(vocab.noun(t.classId())) + " is " + extreme + " you.", think, facts);
    }

    /**
     * Left or right of another source crossed with nearer or farther than it: four options,
     * each side and each depth offered twice, one right.
     */
    Draft relativeDirection(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source[]> pairs = new ArrayList<>();
        for (SceneFacts.Source a : s.sources()) {
            for (SceneFacts.Source b : s.sources()) {
                double gap = SpatialWords.lateral(a.azimuth(), a.elevation()) - SpatialWords.lateral(b.azimuth(), b.elevation());
                if (a != b && s.uniqueClass(a) && s.uniqueClass(b) && Math.abs(gap) >= 2 * SpatialWords.ANGLE_MARGIN
                        && SpatialWords.distinctDistances(a.distance(), b.distance())) {
                    pairs.add(new SceneFacts.Source[] {a, b});
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        SceneFacts.Source[] p = Picks.one(r, pairs);
        SceneFacts.Source a = p[0], b = p[1];
        boolean left = SpatialWords.lateral(a.azimuth(), a.elevation()) > SpatialWords.lateral(b.azimuth(), b.elevation());
        boolean nearer = a.distance() < b.distance();
        String side = left ? "left" : "right", otherSide = left ? "right" : "left";
        String depth = nearer ? "nearer" : "farther", otherDepth = nearer ? "farther" : "nearer";
        List<String> values = List.of(side + "|" + depth, side + "|" + otherDepth, otherSide + "|" + depth, otherSide + "|" + otherDepth);
        String x = vocab.noun(a.classId()), y = vocab.noun(b.classId());
        String think = "I hear " + x + " " + direction(a) + ", and " + y + " " + direction(b) + ". Seen from where I stand, " + x
                + " is further " + side + " and " + (nearer ? "closer to me" : "farther from me") + ".";
        return new Draft(Family.RELATIVE_DIRECTION, Map.of("X", x, "Y", y), List.of(a.classId(), b.classId()), Map.of(), values,
                values.stream().map(v -> relation(v, y)).toList(), Picks.capital(x) + " is " + Picks.lower(relation(values.getFirst(), y)) + ".",
                think, List.of(a.pointer("class"), a.pointer("azimuth"), a.pointer("elevation"), a.pointer("distance"),
                        b.pointer("class"), b.pointer("azimuth"), b.pointer("elevation"), b.pointer("distance")));
    }

    /**
     * Where a source is, the words before the numbers: "to your right and below you, at azimuth -105
     * degrees and elevation -56 degrees, 1.1 m away" (shorter than the other families' "at an
     * azimuth of": this reasoning states two sources, and a walk over its long options follows it).
     */
    private static String direction(SceneFacts.Source x) {
        return DirectionWords.sector(x.azimuth()).words() + " and " + DirectionWords.height(x.elevation()).words() + ", at azimuth "
                + SpatialWords.degrees(x.azimuth()) + " and elevation " + SpatialWords.degrees(x.elevation()) + ", "
                + SpatialWords.measured(x.distance()) + " away";
    }

    /** "To the left of the dog bark and closer to you" for {@code left|nearer}. */
    static String relation(String value, String y) {
        String[] p = value.split("\\|");
        return "To the " + p[0] + " of " + y + " and " + (p[1].equals("nearer") ? "closer to you" : "farther from you");
    }

    /** A source whose class is unique, whose sector is clear and that has wrong distances to offer, or null. */
    private static SceneFacts.Source clearUnique(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source> ok = s.sources().stream().filter(x -> s.uniqueClass(x) && SpatialWords.clearSector(x.azimuth())
                && !SpatialWords.wrongDistances(x.distance(), s.plausibleDistance()).isEmpty()).toList();
        return ok.isEmpty() ? null : Picks.one(r, ok);
    }

    private String absentClass(SceneFacts s, SplittableRandom r) {
        return Picks.some(r, classIds(), 1, c -> !s.hasClass(c)).getFirst();
    }

    static List<Sector> otherSectors(Sector s) {
        List<Sector> out = new ArrayList<>();
        for (Sector x : Sector.values()) {
            if (x != s) {
                out.add(x);
            }
        }
        return out;
    }

    /** The claim "a source of class c is in sector s, about d metres away" as a value. */
    static String claim(String classId, Sector s, String d) {
        return classId + "|" + s.id() + "|" + d;
    }

    String claimWords(String value) {
        String[] p = value.split("\\|");
        return Picks.capital(vocab.noun(p[0])) + " is " + Sector.of(p[1]).words() + ", about " + p[2] + " m away.";
    }

    static String place(Sector s, String d) {
        return s.id() + "|" + d;
    }

    static String placeWords(String value) {
        String[] p = value.split("\\|");
        return Picks.capital(Sector.of(p[0]).words()) + ", about " + p[1] + " m away";
    }

    private List<String> classIds() {
        return classIds;
    }
}
