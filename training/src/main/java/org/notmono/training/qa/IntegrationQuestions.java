package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.Comparator;
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

    Draft attribute(SceneFacts s, SplittableRandom r) {
        SceneFacts.Source t = clearUnique(s, r);
        if (t == null) {
            return null;
        }
        Sector sector = DirectionWords.sector(t.azimuth());
        String d = SpatialWords.number(SpatialWords.about(t.distance()));
        List<Double> far = SpatialWords.wrongDistances(t.distance(), Math.max(4, 1.5 * s.reach()));
        if (far.isEmpty()) {
            return null;
        }
        Sector wrongSector = Picks.one(r, otherSectors(sector));
        String wrongClass = absentClass(s, r);
        List<String> values = List.of(claim(t.classId(), sector, d), claim(t.classId(), wrongSector, d),
                claim(t.classId(), sector, SpatialWords.number(Picks.one(r, far))), claim(wrongClass, sector, d));
        String x = vocab.noun(t.classId());
        String think = "I hear " + x + " at an azimuth of " + SpatialWords.degrees(t.azimuth()) + ", which is " + sector.words()
                + ", and " + SpatialWords.measured(t.distance()) + " away, about " + d + " m.";
        return new Draft(Family.ATTRIBUTE, Map.of(), List.of(), Map.of(), values, values.stream().map(this::claimWords).toList(),
                claimWords(values.getFirst()), think, List.of(t.pointer("class"), t.pointer("azimuth"), t.pointer("distance")));
    }

    Draft locationOf(SceneFacts s, SplittableRandom r) {
        SceneFacts.Source t = clearUnique(s, r);
        if (t == null) {
            return null;
        }
        Sector sector = DirectionWords.sector(t.azimuth());
        String d = SpatialWords.number(SpatialWords.about(t.distance()));
        List<Double> far = Picks.some(r, SpatialWords.wrongDistances(t.distance(), Math.max(4, 1.5 * s.reach())), 2, x -> true);
        if (far == null) {
            return null;
        }
        List<Sector> others = otherSectors(sector);
        Picks.shuffle(r, others);
        List<String> values = List.of(place(sector, d), place(others.get(0), d), place(sector, SpatialWords.number(far.get(0))),
                place(others.get(1), SpatialWords.number(far.get(1))));
        String x = vocab.noun(t.classId());
        String think = "I hear " + x + " at an azimuth of " + SpatialWords.degrees(t.azimuth()) + " (" + sector.words() + "), "
                + SpatialWords.measured(t.distance()) + " away.";
        return new Draft(Family.LOCATION_OF, Map.of("X", x), List.of(t.classId()), Map.of(), values,
                values.stream().map(IntegrationQuestions::placeWords).toList(),
                Picks.capital(x) + " is " + lower(placeWords(values.getFirst())) + ".", think,
                List.of(t.pointer("class"), t.pointer("azimuth"), t.pointer("distance")));
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
        String think = "Of the sounds I hear, only " + vocab.noun(t.classId()) + " is " + sector.words() + " (azimuth "
                + SpatialWords.degrees(t.azimuth()) + "), " + SpatialWords.measured(t.distance()) + " away.";
        return new Draft(Family.ID_AT, Map.of("where", where), List.of(), Map.of("sector", sector.id(), "distance", d), values,
                values.stream().map(vocab::name).toList(),
                "The sound " + where + " is " + vocab.noun(t.classId()).replaceFirst("^the ", "a ") + ".", think,
                List.of(t.pointer("class"), t.pointer("azimuth"), t.pointer("distance")));
    }

    Draft relativeDistance(SceneFacts s, SplittableRandom r) {
        if (s.sources().size() < 2 || !s.sources().stream().allMatch(s::uniqueClass)) {
            return null;
        }
        boolean closest = r.nextBoolean();
        Comparator<SceneFacts.Source> byDistance = Comparator.comparingDouble(SceneFacts.Source::distance);
        SceneFacts.Source t = closest ? s.sources().stream().min(byDistance).orElseThrow() : s.sources().stream().max(byDistance).orElseThrow();
        if (!s.sources().stream().filter(o -> o != t).allMatch(o -> SpatialWords.distinctDistances(o.distance(), t.distance()))) {
            return null;
        }
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

    Draft relativeDirection(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source[]> pairs = new ArrayList<>();
        for (SceneFacts.Source a : s.sources()) {
            for (SceneFacts.Source b : s.sources()) {
                double gap = SpatialWords.lateral(a.azimuth(), a.elevation()) - SpatialWords.lateral(b.azimuth(), b.elevation());
                if (a != b && s.uniqueClass(a) && s.uniqueClass(b) && Math.abs(gap) >= 2 * SpatialWords.ANGLE_MARGIN) {
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
        List<String> values = new ArrayList<>(List.of(left ? "left" : "right", left ? "right" : "left", "same", "above"));
        String x = vocab.noun(a.classId()), y = vocab.noun(b.classId());
        String think = "I hear " + x + " at azimuth " + SpatialWords.degrees(a.azimuth()) + " and elevation "
                + SpatialWords.degrees(a.elevation()) + ", and " + y + " at azimuth " + SpatialWords.degrees(b.azimuth())
                + " and elevation " + SpatialWords.degrees(b.elevation()) + ". Seen from where I stand, " + x + " is further "
                + (left ? "left" : "right") + ".";
        return new Draft(Family.RELATIVE_DIRECTION, Map.of("X", x, "Y", y), List.of(a.classId(), b.classId()), Map.of(), values,
                values.stream().map(v -> relation(v, y)).toList(), Picks.capital(x) + " is " + lower(relation(values.getFirst(), y)) + ".",
                think, List.of(a.pointer("class"), a.pointer("azimuth"), a.pointer("elevation"), b.pointer("class"),
                        b.pointer("azimuth"), b.pointer("elevation")));
    }

    static String relation(String value, String y) {
        return switch (value) {
            case "left" -> "To the left of " + y;
            case "right" -> "To the right of " + y;
            case "same" -> "In the same direction as " + y;
            default -> "Directly above " + y;
        };
    }

    /** A source whose class is unique and whose sector is clear, or null. */
    private static SceneFacts.Source clearUnique(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source> ok = s.sources().stream().filter(x -> s.uniqueClass(x) && SpatialWords.clearSector(x.azimuth())).toList();
        return ok.isEmpty() ? null : Picks.one(r, ok);
    }

    private String absentClass(SceneFacts s, SplittableRandom r) {
        return Picks.some(r, classIds(), 1, c -> s.ofClass(c).isEmpty()).getFirst();
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

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
