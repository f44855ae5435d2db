package org.notmono.training.qa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.notmono.sim.scene.DirectionWords;
import org.notmono.sim.random.Theme;
import org.notmono.sim.scene.Angles;
import org.notmono.sim.scene.DirectionWords.Sector;

/**
 * Answers a multiple-choice item from a perceived scene by the rules its question means: the
 * oracle applies them to the truth, the {@code slots} and {@code dsp} answerers to predicted
 * slots. The result is the options the rules cannot tell apart: one when they decide, all four
 * when what they need was not perceived (a class-free listener asked about a class, no room...).
 */
public final class AnswerRules {
    private static final List<Integer> ALL = List.of(0, 1, 2, 3);
    private final QaVocabulary vocab;

    public AnswerRules(QaVocabulary vocab) {
        this.vocab = vocab;
    }

    /** The options (0-3) that the perception supports best. */
    public List<Integer> candidates(Family family, Query q, Perception p) {
        List<String> v = q.values();
        return switch (family) {
            case COUNT -> matching(v, Integer.toString(p.count()));
            case EVENT_CLASS -> best(v, x -> p.ofClass(x).isEmpty() ? 1 : 0, p.classFree());
            case TRANSCRIPT -> best(v, x -> p.sources().stream().anyMatch(h -> x.equals(h.transcript())) ? 0 : 1,
                    p.sources().stream().allMatch(h -> h.transcript() == null));
            case AZIMUTH -> union(p, q, h -> matching(v, DirectionWords.sector(h.azimuth()).id()));
            case ELEVATION -> union(p, q, h -> matching(v, DirectionWords.height(h.elevation()).id()));
            case DISTANCE -> union(p, q, h -> h.distance() == null ? ALL
                    : best(v, x -> (int) Math.round(1000 * Math.abs(Math.log(Double.parseDouble(x) / h.distance()))), false));
            case ROOM -> p.room() == null ? ALL : matching(v, p.room().category() + "/" + p.room().reverb());
            case ATTRIBUTE -> best(v, x -> claimMismatch(p, x.split("\\|")), false);
            case LOCATION_OF -> union(p, q, h -> best(v, x -> placeMismatch(h, x.split("\\|")), false));
            case ID_AT -> idAt(v, q, p);
            case RELATIVE_DISTANCE -> extreme(p, q, v.stream().toList()).map(h -> matching(v, h.classId())).orElse(ALL);
            case RELATIVE_DIRECTION -> relativeDirection(v, q, p);
            case ABDUCTION -> best(v, x -> -ReasoningQuestions.themeScore(vocab.theme(x), heard(p)), p.classFree());
            case INTENT -> best(v, x -> -ReasoningQuestions.cueScore(activity(x), heard(p)), p.classFree());
            case ROTATE -> union(p, q, h -> matching(v, DirectionWords.sector(h.azimuth() - Double.parseDouble(q.param("turn"))).id()));
            case REMOVAL -> removal(v, q, p);
            case MULTIHOP -> extreme(p, q, null)
                    .map(h -> best(v, x -> hopMismatch(h, x.split("\\|")), false)).orElse(ALL);
            case PHYSICS -> p.reach() == null ? ALL
                    : best(v, x -> Double.parseDouble(x.split("\\|")[1]) > p.reach().get(Sector.of(x.split("\\|")[2])) ? 0 : 1, false);
        };
    }

    private static List<Integer> matching(List<String> values, String value) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).equals(value)) {
                out.add(i);
            }
        }
        return out.isEmpty() ? ALL : out;
    }

    /** The options of the lowest cost; all when {@code unknown}. */
    private static List<Integer> best(List<String> values, ToIntFunction<String> cost, boolean unknown) {
        if (unknown) {
            return ALL;
        }
        int min = Integer.MAX_VALUE;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int c = cost.applyAsInt(values.get(i));
            if (c < min) {
                min = c;
                out.clear();
            }
            if (c == min) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The answer about the query's subject: from its perceived source when the listener names
     * classes; for a class-free listener, any source it hears may be the one asked about, so
     * the options any of them supports.
     */
    private static List<Integer> union(Perception p, Query q, java.util.function.Function<Perception.Heard, List<Integer>> answer) {
        if (!p.classFree()) {
            return subject(p, q, 0).map(answer).orElse(ALL);
        }
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        p.sources().forEach(h -> out.addAll(answer.apply(h)));
        return out.isEmpty() ? ALL : List.copyOf(out);
    }

    /** The perceived source of the query's i-th subject class (the first when several), if any. */
    private static java.util.Optional<Perception.Heard> subject(Perception p, Query q, int i) {
        return p.ofClass(q.subject(i)).stream().findFirst();
    }

    /** Known mismatches of a claim (class, sector, distance) against the best-fitting source; unknowns count as matches. */
    private static int claimMismatch(Perception p, String[] claim) {
        int best = 4;
        for (Perception.Heard h : p.sources()) {
            int m = (h.classId() != null && !h.classId().equals(claim[0]) ? 1 : 0) + placeMismatch(h, new String[] {claim[1], claim[2]});
            best = Math.min(best, m);
        }
        return best;
    }

    private static int placeMismatch(Perception.Heard h, String[] place) {
        int m = DirectionWords.sector(h.azimuth()).id().equals(place[0]) ? 0 : 1;
        if (h.distance() != null && SpatialWords.about(h.distance()) != Double.parseDouble(place[1])) {
            m++;
        }
        return m;
    }

    private static int hopMismatch(Perception.Heard h, String[] hop) {
        return (Objects.equals(h.classId(), hop[0]) ? 0 : 1) + (DirectionWords.sector(h.azimuth()).id().equals(hop[1]) ? 0 : 1);
    }

    /** The source nearest the described location: in its sector, then by distance; else nearest the sector's centre. */
    private static List<Integer> idAt(List<String> v, Query q, Perception p) {
        Sector s = Sector.of(q.param("sector"));
        double d = Double.parseDouble(q.param("distance"));
        double centre = switch (s) {
            case FRONT -> 0;
            case LEFT -> 90;
            case RIGHT -> -90;
            case BEHIND -> -180;
        };
        return p.sources().stream().min(Comparator
                        .comparingDouble((Perception.Heard h) -> DirectionWords.sector(h.azimuth()) == s ? 0 : 1000 + Math.abs(Angles.wrapAzimuth(h.azimuth() - centre)))
                        .thenComparingDouble(h -> h.distance() == null ? 0 : Math.abs(Math.log(h.distance() / d))))
                .filter(h -> h.classId() != null).map(h -> matching(v, h.classId())).orElse(ALL);
    }

    /** The closest or farthest perceived source with a class and a distance (among the options' classes when given). */
    private static java.util.Optional<Perception.Heard> extreme(Perception p, Query q, List<String> classes) {
        Comparator<Perception.Heard> byDistance = Comparator.comparingDouble(Perception.Heard::distance);
        List<Perception.Heard> known = p.sources().stream().filter(h -> h.distance() != null && h.classId() != null)
                .filter(h -> classes == null || classes.contains(h.classId())).toList();
        return q.param("extreme").equals("closest") ? known.stream().min(byDistance) : known.stream().max(byDistance);
    }

    /** Left or right of the second subject (by lateral angle), crossed with nearer or farther (by distance); unknowns allow both. */
    private static List<Integer> relativeDirection(List<String> v, Query q, Perception p) {
        var a = subject(p, q, 0);
        var b = subject(p, q, 1);
        if (a.isEmpty() || b.isEmpty()) {
            return ALL;
        }
        double gap = SpatialWords.lateral(a.get().azimuth(), a.get().elevation()) - SpatialWords.lateral(b.get().azimuth(), b.get().elevation());
        Set<String> sides = gap >= SpatialWords.ANGLE_MARGIN ? Set.of("left") : gap <= -SpatialWords.ANGLE_MARGIN ? Set.of("right")
                : Set.of("left", "right");
        Double da = a.get().distance(), db = b.get().distance();
        Set<String> depths = da == null || db == null ? Set.of("nearer", "farther") : Set.of(da < db ? "nearer" : "farther");
        return best(v, x -> sides.contains(x.split("\\|")[0]) && depths.contains(x.split("\\|")[1]) ? 0 : 1, false);
    }

    /**
     * Claims after the named source is gone (sources left, and where another still is): the
     * claims with the fewest known mismatches win; a class-free listener checks the place
     * against any source it hears.
     */
    private static List<Integer> removal(List<String> v, Query q, Perception p) {
        String gone = q.subject(0);
        List<Perception.Heard> left = p.sources().stream().filter(h -> !gone.equals(h.classId())).toList();
        return best(v, x -> {
            String[] c = x.split("\\|");
            boolean there = left.stream().anyMatch(h -> (p.classFree() || c[1].equals(h.classId()))
                    && DirectionWords.sector(h.azimuth()).id().equals(c[2]));
            return (Integer.parseInt(c[0]) == p.count() - 1 ? 0 : 1) + (there ? 0 : 1);
        }, false);
    }

    private static Set<String> heard(Perception p) {
        Set<String> out = new HashSet<>();
        p.sources().forEach(h -> {
            if (h.classId() != null) {
                out.add(h.classId());
            }
        });
        return out;
    }

    private Theme.Activity activity(String value) {
        String[] parts = value.split("#");
        return vocab.theme(parts[0]).activities().get(Integer.parseInt(parts[1]));
    }
}
