package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import org.notmono.sim.scene.DirectionWords;
import org.notmono.sim.random.Theme;
import org.notmono.sim.scene.DirectionWords.Sector;

/**
 * Level 3 (reasoning): scene abduction and causal intent (themed scenes only), rotating the
 * observer, removing a source, multi-hop queries and physical consistency.
 */
final class ReasoningQuestions {
    /** The turns a rotation question offers: degrees counter-clockwise (left), and their words. */
    static final Map<String, String> TURNS = Map.of("90", "turn 90 degrees to the left", "-90", "turn 90 degrees to the right",
            "180", "turn around to face the opposite way");
    private static final List<String> TURN_KEYS = List.of("90", "-90", "180");
    private final QaVocabulary vocab;
    private final List<String> classIds;

    ReasoningQuestions(QaVocabulary vocab) {
        this.vocab = vocab;
        this.classIds = vocab.classIds();
    }

    Draft abduction(SceneFacts s, SplittableRandom r) {
        if (s.theme() == null || vocab.themes().find(s.theme()).isEmpty()) {
            return null;
        }
        Theme theme = vocab.theme(s.theme());
        Set<String> heard = classes(s);
        if (heard.isEmpty() || themeScore(theme, heard) != heard.size()) {
            return null;
        }
        List<String> wrong = Picks.some(r, vocab.themes().all().stream().map(Theme::id).toList(), 3,
                id -> themeScore(vocab.theme(id), heard) < heard.size());
        if (wrong == null) {
            return null;
        }
        List<String> values = new ArrayList<>(List.of(theme.id()));
        values.addAll(wrong);
        List<String> facts = new ArrayList<>(List.of("/theme"));
        s.sources().forEach(x -> facts.add(x.pointer("class")));
        String think = "I hear " + PerceptionQuestions.list(heard.stream().map(vocab::noun).toList()) + " in "
                + PerceptionQuestions.roomWords(s.room().category() + "/" + s.room().reverb()) + ". Together these fit "
                + theme.name() + "; each other place would lack one of them.";
        return new Draft(Family.ABDUCTION, Map.of(), List.of(), Map.of(), values,
                values.stream().map(id -> Picks.capital(vocab.theme(id).name())).toList(),
                "This sounds like " + theme.name() + ".", think, facts);
    }

    Draft intent(SceneFacts s, SplittableRandom r) {
        if (s.theme() == null || vocab.themes().find(s.theme()).isEmpty()) {
            return null;
        }
        Theme theme = vocab.theme(s.theme());
        Set<String> heard = classes(s);
        int best = -1, bestScore = 0;
        boolean tie = false;
        for (int k = 0; k < theme.activities().size(); k++) {
            int score = cueScore(theme.activities().get(k), heard);
            if (score > bestScore) {
                best = k;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        if (best < 0 || tie) {
            return null;
        }
        Theme.Activity target = theme.activities().get(best);
        List<String> all = new ArrayList<>();
        for (Theme t : vocab.themes().all()) {
            for (int k = 0; k < t.activities().size(); k++) {
                all.add(t.id() + "#" + k);
            }
        }
        List<String> wrong = Picks.some(r, all, 3, v -> cueScore(activity(v), heard) == 0 && !activity(v).text().equals(target.text()));
        if (wrong == null) {
            return null;
        }
        List<String> values = new ArrayList<>(List.of(theme.id() + "#" + best));
        values.addAll(wrong);
        List<String> cues = target.cues().stream().filter(heard::contains).toList();
        List<String> facts = new ArrayList<>();
        s.sources().stream().filter(x -> cues.contains(x.classId())).forEach(x -> facts.add(x.pointer("class")));
        String think = "I hear " + PerceptionQuestions.list(cues.stream().map(vocab::noun).toList()) + ". That points to this: "
                + lower(target.text()) + ".";
        return new Draft(Family.INTENT, Map.of(), List.of(), Map.of(), values, values.stream().map(v -> activity(v).text()).toList(),
                "Most likely " + lower(target.text()) + ".", think, facts);
    }

    Draft rotate(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source> ok = s.sources().stream().filter(x -> s.uniqueClass(x) && SpatialWords.clearSector(x.azimuth())).toList();
        if (ok.isEmpty()) {
            return null;
        }
        SceneFacts.Source t = Picks.one(r, ok);
        String turn = Picks.one(r, TURN_KEYS);
        double after = org.notmono.sim.scene.Angles.wrapAzimuth(t.azimuth() - Double.parseDouble(turn));
        Sector now = DirectionWords.sector(after);
        List<String> values = new ArrayList<>(List.of(now.id()));
        IntegrationQuestions.otherSectors(now).forEach(x -> values.add(x.id()));
        String x = vocab.noun(t.classId());
        String think = "I hear " + x + " at an azimuth of " + SpatialWords.degrees(t.azimuth()) + ", "
                + DirectionWords.sector(t.azimuth()).words() + ". If I " + TURNS.get(turn) + ", its azimuth becomes "
                + SpatialWords.degrees(after) + ", which is " + now.words() + ".";
        return new Draft(Family.ROTATE, Map.of("X", x, "turn", TURNS.get(turn)), List.of(t.classId()), Map.of("turn", turn), values,
                values.stream().map(v -> Picks.capital(Sector.of(v).words())).toList(),
                "After you " + TURNS.get(turn) + ", " + x + " is " + now.words() + ".", think,
                List.of(t.pointer("class"), t.pointer("azimuth")));
    }

    Draft removal(SceneFacts s, SplittableRandom r) {
        int n = s.sources().size();
        if (n < 2 || n > 4) {
            return null;
        }
        List<SceneFacts.Source[]> pairs = new ArrayList<>();
        for (SceneFacts.Source x : s.sources()) {
            for (SceneFacts.Source y : s.sources()) {
                if (x != y && s.uniqueClass(x) && s.uniqueClass(y) && SpatialWords.clearSector(y.azimuth())) {
                    pairs.add(new SceneFacts.Source[] {x, y});
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        SceneFacts.Source[] p = Picks.one(r, pairs);
        SceneFacts.Source x = p[0], y = p[1];
        Sector sy = DirectionWords.sector(y.azimuth());
        Sector wrong = Picks.one(r, IntegrationQuestions.otherSectors(sy));
        boolean countRight = r.nextBoolean();
        String right = countRight ? "count|" + (n - 1) : "at|" + y.classId() + "|" + sy.id();
        List<String> values = List.of(right, "at|" + x.classId() + "|" + DirectionWords.sector(x.azimuth()).id(), "count|" + n,
                "at|" + y.classId() + "|" + wrong.id());
        String nx = vocab.noun(x.classId()), ny = vocab.noun(y.classId());
        String think = "I hear " + n + " " + PerceptionQuestions.sources(n) + ". Without " + nx + ", " + (n - 1) + " remain"
                + (n - 1 == 1 ? "s" : "") + ", and " + ny + " is still at an azimuth of " + SpatialWords.degrees(y.azimuth()) + ", "
                + sy.words() + ".";
        return new Draft(Family.REMOVAL, Map.of("X", nx), List.of(x.classId()), Map.of(), values,
                values.stream().map(this::claimWords).toList(), claimWords(right), think,
                List.of("/sources", x.pointer("class"), y.pointer("class"), y.pointer("azimuth")));
    }

    String claimWords(String value) {
        String[] p = value.split("\\|");
        if (p[0].equals("count")) {
            int k = Integer.parseInt(p[1]);
            return k == 1 ? "Exactly one sound source remains." : k + " sound sources remain.";
        }
        return Picks.capital(vocab.noun(p[1])) + " can still be heard " + Sector.of(p[2]).words() + ".";
    }

    Draft multihop(SceneFacts s, SplittableRandom r) {
        if (s.sources().size() < 2 || !s.sources().stream().allMatch(s::uniqueClass)) {
            return null;
        }
        boolean closest = r.nextBoolean();
        Comparator<SceneFacts.Source> byDistance = Comparator.comparingDouble(SceneFacts.Source::distance);
        List<SceneFacts.Source> sorted = s.sources().stream().sorted(closest ? byDistance : byDistance.reversed()).toList();
        SceneFacts.Source t = sorted.get(0), o = sorted.get(1);
        if (!SpatialWords.distinctDistances(t.distance(), o.distance()) || !SpatialWords.clearSector(t.azimuth())) {
            return null;
        }
        Sector st = DirectionWords.sector(t.azimuth());
        List<Sector> others = IntegrationQuestions.otherSectors(st);
        Picks.shuffle(r, others);
        List<String> values = List.of(t.classId() + "|" + st.id(), t.classId() + "|" + others.get(0).id(),
                t.classId() + "|" + others.get(1).id(), o.classId() + "|" + DirectionWords.sector(o.azimuth()).id());
        String extreme = closest ? "closest" : "farthest";
        List<String> facts = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (SceneFacts.Source x : s.sources()) {
            facts.add(x.pointer("class"));
            facts.add(x.pointer("distance"));
            said.add(vocab.noun(x.classId()) + " " + SpatialWords.measured(x.distance()) + " away");
        }
        facts.add(t.pointer("azimuth"));
        String think = "I hear " + PerceptionQuestions.list(said) + ". The " + extreme + " is " + vocab.noun(t.classId())
                + ", at an azimuth of " + SpatialWords.degrees(t.azimuth()) + ", which is " + st.words() + ".";
        return new Draft(Family.MULTIHOP, Map.of("extreme", extreme), List.of(), Map.of("extreme", extreme), values,
                values.stream().map(this::hopWords).toList(), hopWords(values.getFirst()) + ".", think, facts);
    }

    String hopWords(String value) {
        String[] p = value.split("\\|");
        return Picks.capital(vocab.noun(p[0])) + ", " + Sector.of(p[1]).words();
    }

    Draft physics(SceneFacts s, SplittableRandom r) {
        List<String> heard = new ArrayList<>(classes(s));
        if (heard.isEmpty()) {
            return null;
        }
        double impossible = 0;
        for (double d : SpatialWords.LADDER) {
            if (d >= 1.3 * s.reach()) {
                impossible = d;
                break;
            }
        }
        if (impossible == 0) {
            return null;
        }
        List<String> possible = new ArrayList<>();
        List<String> pool = new ArrayList<>(heard);
        pool.addAll(Picks.some(r, classIds(), 2, c -> !heard.contains(c)));
        for (String c : pool) {
            for (double d : SpatialWords.LADDER) {
                if (d <= 0.8 * s.reach()) {
                    possible.add(c + "|" + SpatialWords.number(d));
                }
            }
        }
        List<String> three = Picks.some(r, possible, 3, v -> true);
        if (three == null) {
            return null;
        }
        List<String> values = new ArrayList<>(List.of(Picks.one(r, heard) + "|" + SpatialWords.number(impossible)));
        values.addAll(three);
        double[] z = s.room().size();
        String think = String.format(java.util.Locale.ROOT,
                "The room is %.1f x %.1f x %.1f m, so no point in it is more than %.1f m from me. A sound about %s away would be outside the room.",
                z[0], z[1], z[2], s.reach(), SpatialWords.metres(impossible));
        return new Draft(Family.PHYSICS, Map.of(), List.of(), Map.of(), values, values.stream().map(this::rangeWords).toList(),
                "Impossible: " + lower(rangeWords(values.getFirst())), think, List.of("/room/size", "/receiver/position"));
    }

    String rangeWords(String value) {
        String[] p = value.split("\\|");
        return Picks.capital(vocab.noun(p[0])) + " is about " + p[1] + " m away.";
    }

    Theme.Activity activity(String value) {
        String[] p = value.split("#");
        return vocab.theme(p[0]).activities().get(Integer.parseInt(p[1]));
    }

    static int themeScore(Theme t, Set<String> heard) {
        int n = 0;
        for (String c : heard) {
            if (t.classes().getOrDefault(c, 0.0) > 0) {
                n++;
            }
        }
        return n;
    }

    static int cueScore(Theme.Activity a, Set<String> heard) {
        return (int) a.cues().stream().filter(heard::contains).count();
    }

    private static Set<String> classes(SceneFacts s) {
        Set<String> out = new LinkedHashSet<>();
        s.sources().stream().map(SceneFacts.Source::classId).filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    private List<String> classIds() {
        return classIds;
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
