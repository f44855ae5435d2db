package org.notmono.sim.random;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneValidator;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.ClipLibrary;
import org.notmono.sim.sources.SourceFamily;

/**
 * Random scenes with the TWNM distributions (DESIGN.md, simulation defaults). A scene is a pure
 * function of (seed, index) and the library's clip list: the random stream is seeded from both,
 * and only {@link SplittableRandom}'s specified integer and double outputs are used.
 *
 * <p>A share of the scenes can be themed ({@link Theme}): such a scene draws its room size,
 * reverberation and classes from the theme. Whether a scene is themed comes from a stream of
 * its own, so the unthemed scenes of a seed are the same whatever the share.
 */
public final class RandomSceneGenerator {
    public static final int SAMPLE_RATE = 16000;
    public static final int MAX_ORDER = 17;
    private static final double MARGIN = 0.5;
    private static final double RECEIVER_HEIGHT = 1.7;
    /** Separates the stream that decides the theme from the scene's own stream. */
    private static final long THEME_STREAM = 0x5DEECE66DL;

    private final ClipLibrary library;
    private final double duration;
    private final List<Theme> themes;
    private final double themedShare;

    /** Unthemed scenes only. */
    public RandomSceneGenerator(ClipLibrary library, double duration) {
        this(library, duration, new Themes(List.of()), 0);
    }

    /**
     * @param themedShare the probability that a scene is themed, in [0, 1]; themes whose classes
     *                    the library has no clip of are never drawn
     */
    public RandomSceneGenerator(ClipLibrary library, double duration, Themes themes, double themedShare) {
        if (!(themedShare >= 0 && themedShare <= 1)) {
            throw new IllegalArgumentException("the themed share must be in [0, 1], got " + themedShare);
        }
        this.themes = themes.all().stream().filter(t -> usableClasses(library, t).size() > 0).toList();
        this.themedShare = this.themes.isEmpty() ? 0 : themedShare;
        if (library.clips().isEmpty()) {
            throw new IllegalArgumentException("the clip library is empty");
        }
        if (!(duration > 0)) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        this.library = library;
        this.duration = duration;
    }

    /** The scene id of an item: {@code s42-000017}. */
    public static String id(long seed, long index) {
        return String.format(Locale.ROOT, "s%d-%06d", seed, index);
    }

    /** A drawn scene and its theme (null when unthemed). */
    public record RandomScene(Scene scene, Theme theme) {
        /** The theme's id, or null. */
        public String themeId() {
            return theme == null ? null : theme.id();
        }
    }

    public Scene generate(long seed, long index) {
        return draw(seed, index).scene();
    }

    /** The scene number {@code index} of {@code seed}, with its theme. */
    public RandomScene draw(long seed, long index) {
        Theme theme = null;
        if (themedShare > 0) {
            SplittableRandom t = new SplittableRandom(mix(seed, index) ^ THEME_STREAM);
            if (t.nextDouble() < themedShare) {
                theme = themes.get(t.nextInt(themes.size()));
            }
        }
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        RoomSize size = theme == null ? RoomSize.draw(r) : RoomSize.valueOf(pick(r, theme.rooms()).toUpperCase(Locale.ROOT));
        Shoebox room = new Shoebox(uniform(r, size.x()), uniform(r, size.y()), uniform(r, size.z()));
        Reverb reverb = theme == null ? Reverb.values()[r.nextInt(Reverb.values().length)]
                : Reverb.valueOf(pick(r, theme.reverb()).toUpperCase(Locale.ROOT));
        Absorption absorption = Absorption.uniform(uniform(r, reverb.absorption()));
        Point3 receiver = new Point3(round(uniform(r, MARGIN, room.lx() - MARGIN), 3),
                round(uniform(r, MARGIN, room.ly() - MARGIN), 3), Math.min(RECEIVER_HEIGHT, room.lz() - MARGIN));
        int count = 1 + r.nextInt(3);
        List<Scene.Source> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ClipInfo clip = theme == null ? pickClip(r) : pickThemedClip(r, theme);
            double gainDb = uniform(r, -6, 0);
            double sounding = Math.min(clip.duration(), duration / 2);
            double onset = uniform(r, 0, Math.max(0, duration - sounding));
            sources.add(new Scene.Source("s" + (i + 1), clip.ref(), clip.classId(), round(gainDb, 2), round(onset, 3),
                    placeSource(r, room, receiver), null));
        }
        int order = order(room, absorption);
        Scene scene = new Scene(SAMPLE_RATE, duration, new Scene.Room(room, absorption, null, order, TailModel.EYRING),
                new Scene.Receiver(receiver, Orientation.FRONT), sources, null);
        SceneValidator.validate(scene);
        return new RandomScene(scene, theme);
    }

    /** A class by the theme's weights (among those the library has clips of), then one of its clips. */
    private ClipInfo pickThemedClip(SplittableRandom r, Theme theme) {
        String classId = pick(r, usableClasses(library, theme));
        List<ClipInfo> clips = library.clips().stream().filter(c -> c.classId().equals(classId)).toList();
        return clips.get(r.nextInt(clips.size()));
    }

    private static Map<String, Double> usableClasses(ClipLibrary library, Theme theme) {
        Set<String> have = new HashSet<>();
        library.clips().forEach(c -> have.add(c.classId()));
        Map<String, Double> usable = new LinkedHashMap<>();
        theme.classes().forEach((k, w) -> {
            if (w > 0 && have.contains(k)) {
                usable.put(k, w);
            }
        });
        return usable;
    }

    /** A key drawn with probability proportional to its weight (keys with weight 0 never). */
    private static String pick(SplittableRandom r, Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        double u = r.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getValue() > 0) {
                last = e.getKey();
                u -= e.getValue();
                if (u < 0) {
                    return last;
                }
            }
        }
        return last;
    }

    /**
     * The image-source order: at most 17, less when the Eyring RT60 ends before the images of
     * that order would arrive (an order-N image is at least N times the shortest side away).
     * Public so a generated scene's RIRs can be recomputed from its RTSD.
     */
    public static int order(Shoebox room, Absorption a) {
        double reach = RoomAcoustics.eyring(room, a, RirOptions.SPEED_OF_SOUND) * RirOptions.SPEED_OF_SOUND;
        return (int) Math.clamp((long) Math.ceil(reach / room.shortestSide()), 1, MAX_ORDER);
    }

    /** A point at least 0.5 m from every wall and from the receiver (uniform by rejection). */
    private static Point3 placeSource(SplittableRandom r, Shoebox room, Point3 receiver) {
        while (true) {
            Point3 p = new Point3(uniform(r, MARGIN, room.lx() - MARGIN), uniform(r, MARGIN, room.ly() - MARGIN),
                    uniform(r, MARGIN, room.lz() - MARGIN));
            if (p.distanceTo(receiver) >= MARGIN) {
                return new Point3(round(p.x(), 3), round(p.y(), 3), round(p.z(), 3));
            }
        }
    }

    /** Family 5 : 3 : 2, then a clip of that family; a family the library lacks falls back to all clips. */
    private ClipInfo pickClip(SplittableRandom r) {
        int f = r.nextInt(10);
        SourceFamily family = f < 5 ? SourceFamily.ENVIRONMENTAL : f < 8 ? SourceFamily.SPEECH : SourceFamily.MUSIC;
        List<ClipInfo> candidates = library.clips(family);
        if (candidates.isEmpty()) {
            candidates = library.clips();
        }
        return candidates.get(r.nextInt(candidates.size()));
    }

    private static double uniform(SplittableRandom r, double[] range) {
        return round(uniform(r, range[0], range[1]), 3);
    }

    private static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Stafford's mix13 of the pair, so neighbouring seeds and indices give unrelated streams. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Room size categories, drawn 0.6 / 0.3 / 0.1. */
    enum RoomSize {
        SMALL(new double[] {3, 5}, new double[] {3, 5}, new double[] {2.5, 3}),
        MEDIUM(new double[] {5, 10}, new double[] {5, 10}, new double[] {3, 4}),
        LARGE(new double[] {10, 20}, new double[] {10, 20}, new double[] {4, 6});

        private final double[] x, y, z;

        RoomSize(double[] x, double[] y, double[] z) {
            this.x = x;
            this.y = y;
            this.z = z;
        }

        double[] x() {
            return x;
        }

        double[] y() {
            return y;
        }

        double[] z() {
            return z;
        }

        static RoomSize draw(SplittableRandom r) {
            double u = r.nextDouble();
            return u < 0.6 ? SMALL : u < 0.9 ? MEDIUM : LARGE;
        }
    }

    /** Reverberation categories by uniform energy absorption, drawn 1/3 each. */
    enum Reverb {
        WET(0.05, 0.15), MODERATE(0.15, 0.4), DRY(0.4, 0.8);

        private final double[] absorption;

        Reverb(double lo, double hi) {
            this.absorption = new double[] {lo, hi};
        }

        double[] absorption() {
            return absorption;
        }
    }
}
