package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

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
    /** The sectors counter-clockwise, as azimuth grows. */
    private static final List<Sector> AROUND = List.of(Sector.FRONT, Sector.LEFT, Sector.BEHIND, Sector.RIGHT);
    private final QaVocabulary vocab;
    private final List<String> classIds;
    /** The themes' ids in file order. */
    private final List<String> themeIds;
    /** Every theme's activities as values, {@code kitchen#2}, in file order. */
    private final List<String> activities;
    /** What the last physical-consistency question drew from its scene: a corpus tries a question's variants one after another. */
    private volatile PhysicsRoom lastPhysicsRoom;

    ReasoningQuestions(QaVocabulary vocab) {
        this.vocab = vocab;
        this.classIds = vocab.classIds();
        this.themeIds = vocab.themes().all().stream().map(Theme::id).toList();
        List<String> all = new ArrayList<>();
        for (Theme t : vocab.themes().all()) {
            for (int k = 0; k < t.activities().size(); k++) {
                all.add(t.id() + "#" + k);
            }
        }
        this.activities = List.copyOf(all);
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
        List<String> wrong = Picks.some(r, themeIds, 3,
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
        List<String> wrong = Picks.some(r, activities, 3, v -> cueScore(activity(v), heard) == 0 && !activity(v).text().equals(target.text()));
        if (wrong == null) {
            return null;
        }
        List<String> values = new ArrayList<>(List.of(theme.id() + "#" + best));
        values.addAll(wrong);
        List<String> cues = target.cues().stream().filter(heard::contains).toList();
        List<String> facts = new ArrayList<>();
        s.sources().stream().filter(x -> cues.contains(x.classId())).forEach(x -> facts.add(x.pointer("class")));
        String think = "I hear " + PerceptionQuestions.list(cues.stream().map(vocab::noun).toList()) + ". That points to this: "
                + Picks.lower(target.text()) + ".";
        return new Draft(Family.INTENT, Map.of(), List.of(), Map.of(), values, values.stream().map(v -> activity(v).text()).toList(),
                "Most likely " + Picks.lower(target.text()) + ".", think, facts);
    }

    Draft rotate(SceneFacts s, SplittableRandom r) {
        List<SceneFacts.Source> ok = s.sources().stream().filter(x -> s.uniqueClass(x) && SpatialWords.clearSector(x.azimuth())).toList();
        if (ok.isEmpty()) {
            return null;
        }
        SceneFacts.Source t = Picks.one(r, ok);
        String turn = Picks.one(r, TURN_KEYS);
        Sector was = DirectionWords.sector(t.azimuth()), now = turned(was, turn);
        List<String> values = new ArrayList<>(List.of(now.id()));
        IntegrationQuestions.otherSectors(now).forEach(x -> values.add(x.id()));
        String x = vocab.noun(t.classId());
        String think = "I hear " + x + " " + was.words() + ", at an azimuth of " + SpatialWords.degrees(t.azimuth()) + ". If I "
                + TURNS.get(turn) + ", what is " + was.words() + " moves " + now.words() + ", so it will be " + now.words() + ".";
        return new Draft(Family.ROTATE, Map.of("X", x, "turn", TURNS.get(turn)), List.of(t.classId()), Map.of("turn", turn), values,
                values.stream().map(v -> Picks.capital(Sector.of(v).words())).toList(),
                "After you " + TURNS.get(turn) + ", " + x + " is " + now.words() + ".", think,
                List.of(t.pointer("class"), t.pointer("azimuth")));
    }

    /**
     * The sector a source of sector {@code s} is in after the listener turns by {@code turn} (a
     * {@link #TURNS} key): turns of 90 and 180 degrees map the four 90-degree sectors onto each
     * other exactly, so a source clear of the sector edges stays clear of them. Turning left
     * brings what was to the left in front, and what was in front to the right.
     */
    static Sector turned(Sector s, String turn) {
        int quarters = switch (turn) {
            case "90" -> 1;
            case "-90" -> -1;
            case "180" -> 2;
            default -> throw new IllegalArgumentException("unknown turn " + turn);
        };
        return AROUND.get(Math.floorMod(AROUND.indexOf(s) - quarters, AROUND.size()));
    }

    /**
     * Claims after a source is removed, crossing the number of sources left (right, or one more
     * or one fewer) with where another source is (its sector or another): each offered twice,
     * one claim right on both.
     */
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
        int left = n - 1;
        // one fewer (when a source would still remain) or one more, with even odds
        int wrongCount = left > 1 && r.nextBoolean() ? left - 1 : left + 1;
        List<String> values = List.of(remains(left, y, sy), remains(left, y, wrong), remains(wrongCount, y, sy), remains(wrongCount, y, wrong));
        String nx = vocab.noun(x.classId()), ny = vocab.noun(y.classId());
        String think = "I hear " + n + " " + PerceptionQuestions.sources(n) + ". Without " + nx + ", " + left + " remain"
                + (left == 1 ? "s" : "") + ", and " + ny + " is still " + sy.words() + ", at an azimuth of "
                + SpatialWords.degrees(y.azimuth()) + ".";
        return new Draft(Family.REMOVAL, Map.of("X", nx), List.of(x.classId()), Map.of(), values,
                values.stream().map(this::claimWords).toList(), claimWords(values.getFirst()), think,
                List.of("/sources", x.pointer("class"), y.pointer("class"), y.pointer("azimuth")));
    }

    /** The claim "k sources remain and y is still in sector s" as a value. */
    private static String remains(int k, SceneFacts.Source y, Sector s) {
        return k + "|" + y.classId() + "|" + s.id();
    }

    String claimWords(String value) {
        String[] p = value.split("\\|");
        int k = Integer.parseInt(p[0]);
        return (k == 1 ? "Exactly one sound source remains" : k + " sound sources remain") + ", and " + vocab.noun(p[1])
                + " can still be heard " + Sector.of(p[2]).words() + ".";
    }

    /** Which source is closest or farthest, crossed with its sector or another: each offered twice, one right on both. */
    Draft multihop(SceneFacts s, SplittableRandom r) {
        if (s.sources().size() < 2 || !s.sources().stream().allMatch(s::uniqueClass)) {
            return null;
        }
        List<Boolean> clear = new ArrayList<>();
        for (boolean c : new boolean[] {true, false}) {
            List<SceneFacts.Source> sorted = s.byDistance(c);
            if (SpatialWords.distinctDistances(sorted.get(0).distance(), sorted.get(1).distance())
                    && SpatialWords.clearSector(sorted.get(0).azimuth())) {
                clear.add(c);
            }
        }
        if (clear.isEmpty()) {
            return null;
        }
        boolean closest = Picks.one(r, clear);
        List<SceneFacts.Source> sorted = s.byDistance(closest);
        SceneFacts.Source t = sorted.get(0), o = sorted.get(1);
        Sector st = DirectionWords.sector(t.azimuth()), so = DirectionWords.sector(o.azimuth());
        // the runner-up's own sector when it differs: the answer of a listener who misjudged which is the extreme
        Sector wrong = so != st ? so : Picks.one(r, IntegrationQuestions.otherSectors(st));
        List<String> values = List.of(t.classId() + "|" + st.id(), t.classId() + "|" + wrong.id(), o.classId() + "|" + st.id(),
                o.classId() + "|" + wrong.id());
        String extreme = closest ? "closest" : "farthest";
        List<String> facts = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (SceneFacts.Source x : s.sources()) {
            facts.add(x.pointer("class"));
            facts.add(x.pointer("distance"));
            said.add(vocab.noun(x.classId()) + " " + SpatialWords.measured(x.distance()) + " away");
        }
        facts.add(t.pointer("azimuth"));
        String think = "I hear " + PerceptionQuestions.list(said) + ". The " + extreme + " is " + vocab.noun(t.classId()) + ", "
                + st.words() + ", at an azimuth of " + SpatialWords.degrees(t.azimuth()) + ".";
        return new Draft(Family.MULTIHOP, Map.of("extreme", extreme), List.of(), Map.of("extreme", extreme), values,
                values.stream().map(this::hopWords).toList(), hopWords(values.getFirst()) + ".", think, facts);
    }

    String hopWords(String value) {
        String[] p = value.split("\\|");
        return Picks.capital(vocab.noun(p[0])) + ", " + Sector.of(p[1]).words();
    }

    /**
     * Four claims "X is about D m away, in sector S", one per sector: the impossible one lies
     * beyond the room in its sector (at least {@link ClaimLayout#BEYOND} times the farthest point of the
     * room there), the others well inside theirs (at most {@link ClaimLayout#WITHIN} times). Which of the
     * four distances the impossible one is (smallest to largest) is drawn evenly among those the
     * room allows, so it is not the largest number offered.
     */
    Draft physics(SceneFacts s, SplittableRandom r) {
        if (!s.listener().level()) {
            return null;
        }
        PhysicsRoom room = physicsRoom(s);
        List<String> heard = room.heard();
        if (heard.isEmpty() || room.layouts().isEmpty()) {
            return null;
        }
        int rank = Picks.one(r, List.copyOf(room.layouts().keySet()));
        ClaimLayout layout = Picks.one(r, room.layouts().get(rank));
        Map<Sector, Double> distances = layout.distances(r);
        List<String> pool = new ArrayList<>(heard);
        pool.addAll(Picks.some(r, classIds(), 2, c -> !heard.contains(c)));
        // every claim names a class heard or not alike, so the class says nothing of the claim
        List<String> values = new ArrayList<>(List.of(range(Picks.one(r, pool), distances.get(layout.impossible()), layout.impossible())));
        for (Sector x : Sector.values()) {
            if (x != layout.impossible()) {
                values.add(range(Picks.one(r, pool), distances.get(x), x));
            }
        }
        String conclusion = "So " + claimWords(values.getFirst(), " cannot be ") + ": that is outside the room.";
        // with options, each claim in the order shown is held against the room's reach on its side, so the one beyond it
        // is found by a comparison per option rather than recalled
        List<String> checks = values.stream().map(v -> claimWords(v, " ") + " is " + (beyond(v, room.reach()) ? "beyond " : "within ")
                + String.format(java.util.Locale.ROOT, "%.1f m", room.reach().get(Sector.of(v.split("\\|")[2])))).toList();
        String think = room.think() + "Claim by claim, " + Draft.OFFERED + ". " + conclusion;
        List<String> facts = new ArrayList<>(List.of("/room/size", "/receiver/position"));
        if (Math.round(s.listener().yaw()) != 0) {
            facts.add("/receiver/yaw");
        }
        return new Draft(Family.PHYSICS, Map.of(), List.of(), Map.of(), values, values.stream().map(this::rangeWords).toList(),
                "Impossible: " + Picks.lower(rangeWords(values.getFirst())), think, facts, room.think() + conclusion, checks);
    }

    /** A claim's source, {@code verb}, then its place: "the music cannot be about 3 m away to your left". */
    private String claimWords(String value, String verb) {
        String[] p = value.split("\\|");
        return vocab.noun(p[0]) + verb + "about " + p[1] + " m away " + Sector.of(p[2]).words();
    }

    /** True when the claim's distance lies past the room's reach on its side. */
    private static boolean beyond(String value, Map<Sector, Double> reach) {
        String[] p = value.split("\\|");
        return Double.parseDouble(p[1]) > reach.get(Sector.of(p[2]));
    }

    /**
     * What a physical-consistency question draws on that depends on the scene alone, the same
     * for every variant of the question.
     *
     * @param heard   the classes heard, in source order
     * @param layouts the room's {@link ClaimLayout claim layouts} by the impossible claim's rank, the ranks in order
     * @param reach   how far the room reaches from the listener in each sector, metres
     * @param think   the reasoning's opening: the room, where the listener stands and how far the room reaches each way
     */
    private record PhysicsRoom(SceneFacts scene, List<String> heard, Map<Integer, List<ClaimLayout>> layouts,
                               Map<Sector, Double> reach, String think) {
    }

    /** The {@link PhysicsRoom} of a scene whose listener is level, kept for the next variant about the same scene. */
    private PhysicsRoom physicsRoom(SceneFacts s) {
        PhysicsRoom last = lastPhysicsRoom;
        if (last != null && last.scene() == s) {
            return last;
        }
        Map<Sector, Double> reach = new EnumMap<>(Sector.class);
        for (Sector x : Sector.values()) {
            reach.put(x, s.reach(x));
        }
        Map<Integer, List<ClaimLayout>> layouts = new TreeMap<>();
        ClaimLayout.all(reach).forEach(l -> layouts.computeIfAbsent(l.rank(), k -> new ArrayList<>()).add(l));
        double[] z = s.room().size(), at = s.listener().position();
        long yaw = Math.round(s.listener().yaw());
        String think = String.format(java.util.Locale.ROOT,
                "The room is %.1f x %.1f x %.1f m and I stand at %.1f, %.1f m on its floor with my ears %.1f m up%s. From here it reaches "
                        + "%.1f m in front of me, %.1f m to my left, %.1f m to my right and %.1f m behind me. ",
                z[0], z[1], z[2], at[0], at[1], at[2], yaw == 0 ? "" : ", facing " + yaw + " degrees counter-clockwise from its length",
                reach.get(Sector.FRONT), reach.get(Sector.LEFT), reach.get(Sector.RIGHT), reach.get(Sector.BEHIND));
        PhysicsRoom room = new PhysicsRoom(s, List.copyOf(classes(s)), layouts, Map.copyOf(reach), think);
        lastPhysicsRoom = room;
        return room;
    }

    /** The claim "a source of class c is about d metres away in sector s" as a value. */
    private static String range(String classId, double d, Sector s) {
        return classId + "|" + SpatialWords.number(d) + "|" + s.id();
    }

    String rangeWords(String value) {
        String[] p = value.split("\\|");
        return Picks.capital(vocab.noun(p[0])) + " is about " + p[1] + " m away, " + Sector.of(p[2]).words() + ".";
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
        int n = 0;
        for (String c : a.cues()) {
            if (heard.contains(c)) {
                n++;
            }
        }
        return n;
    }

    private static Set<String> classes(SceneFacts s) {
        Set<String> out = new LinkedHashSet<>();
        s.sources().stream().map(SceneFacts.Source::classId).filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    private List<String> classIds() {
        return classIds;
    }
}
