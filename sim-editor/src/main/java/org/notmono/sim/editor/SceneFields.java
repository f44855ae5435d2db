package org.notmono.sim.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.room.Wall;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneException;
import org.notmono.sim.scene.SceneValidator;

import static org.notmono.sim.editor.FieldParsing.format;
import static org.notmono.sim.editor.FieldParsing.inRange;

/** The property sheet's fields for each kind of selection. */
public final class SceneFields {
    public static final String ABSORPTION_MODE = "room.absorptionMode";
    public static final String ONE_VALUE = "one value";
    public static final String PER_WALL = "per wall";
    public static final String TARGET_RT60 = "target RT60";
    public static final String HIGH_PASS_OFF = "Off";
    public static final String HIGH_PASS_ON = "10 Hz";
    private static final double MIN_ROOM_SIDE = 0.5;
    private static final double MAX_ROOM_SIDE = 100;

    private SceneFields() {
    }

    /** @param wallsWanted show the per-wall fields even while every wall has the same value */
    public static List<SceneField> forSelection(Scene scene, Selection selection, boolean wallsWanted) {
        return switch (selection.kind()) {
            case ROOM -> room(scene, wallsWanted);
            case RECEIVER -> receiver();
            case SOURCE -> source(scene, selection.sourceId());
        };
    }

    private static List<SceneField> room(Scene scene, boolean wallsWanted) {
        List<SceneField> f = new ArrayList<>();
        String[] axes = {"length", "width", "height"};
        String[] names = {"Length (x)", "Width (y)", "Height (z)"};
        for (int axis = 0; axis < 3; axis++) {
            int a = axis;
            f.add(typed("room." + axes[a], "Room", names[a], "m", "inside size of the shoebox; the layout stretches with it",
                    s -> format(s.room().size().size(a)), (s, t) -> {
                        double[] size = {s.room().size().lx(), s.room().size().ly(), s.room().size().lz()};
                        size[a] = inRange(t, "m", MIN_ROOM_SIDE, MAX_ROOM_SIDE, true);
                        return checked(SceneEdits.withRoomSize(s, new Shoebox(size[0], size[1], size[2])));
                    }));
        }
        f.add(choice(ABSORPTION_MODE, "Absorption", "Given as", "how the walls absorb sound",
                List.of(ONE_VALUE, PER_WALL, TARGET_RT60), s -> absorptionMode(s, wallsWanted), SceneFields::changeAbsorptionMode));
        String mode = absorptionMode(scene, wallsWanted);
        if (mode.equals(ONE_VALUE)) {
            f.add(typed("room.absorption", "Absorption", "All walls", "", "energy absorption coefficient in (0, 1]",
                    s -> format(s.room().absorption().west()),
                    (s, t) -> SceneEdits.withAbsorption(s, Absorption.uniform(inRange(t, "", 0, 1, false)))));
        } else if (mode.equals(PER_WALL)) {
            for (Wall w : Wall.values()) {
                f.add(typed("room.absorption." + w.id(), "Absorption", capitalised(w.id()) + " wall", "",
                        "energy absorption coefficient in (0, 1]", s -> format(s.room().absorption().get(w)),
                        (s, t) -> SceneEdits.withAbsorption(s, withWall(s.room().absorption(), w, inRange(t, "", 0, 1, false)))));
            }
        } else {
            f.add(typed("room.rt60", "Absorption", "Target RT60", "s", "uniform absorption by inverse Sabine",
                    s -> format(s.room().rt60()), (s, t) -> {
                        double rt60 = inRange(t, "s", 0, 60, false);
                        try {
                            RoomAcoustics.inverseSabine(rt60, s.room().size(), RirOptions.SPEED_OF_SOUND);
                        } catch (IllegalArgumentException e) {
                            throw new SceneField.FieldException(e.getMessage());
                        }
                        return SceneEdits.withRt60(s, rt60);
                    }));
        }
        f.add(typed("room.maxOrder", "Simulation", "Image-source order", "", "largest reflection order (0..200)",
                s -> Integer.toString(s.room().maxOrder()),
                (s, t) -> SceneEdits.withOrder(s, FieldParsing.integer(t, 0, 200), s.room().tail())));
        f.add(choice("room.tail", "Simulation", "Diffuse tail", "late reverberation after the image sources",
                List.of("none", "sabine", "eyring"), s -> s.room().tail().id(),
                (s, t) -> SceneEdits.withOrder(s, s.room().maxOrder(), TailModel.fromId(t))));
        f.add(choice("room.highPass", "Simulation", "RIR high-pass", "pyroomacoustics' 10 Hz 2nd-order Butterworth on every RIR:"
                        + " takes out the DC and rumble below 10 Hz", List.of(HIGH_PASS_OFF, HIGH_PASS_ON),
                s -> s.room().highPass() ? HIGH_PASS_ON : HIGH_PASS_OFF, (s, t) -> SceneEdits.withHighPass(s, t.equals(HIGH_PASS_ON))));
        f.add(typed("scene.duration", "Scene", "Duration", "s", "length of the render", s -> format(s.duration()),
                (s, t) -> SceneEdits.withTiming(s, s.sampleRate(), inRange(t, "s", 0, 3600, false))));
        f.add(typed("scene.sampleRate", "Scene", "Sample rate", "Hz", "16000 for datasets, 48000 for listening",
                s -> Integer.toString(s.sampleRate()),
                (s, t) -> SceneEdits.withTiming(s, FieldParsing.integer(t, 1000, 384000), s.duration())));
        f.add(typed("scene.background", "Scene", "Background noise SNR", "dB", "diffuse noise below the mix; empty for none",
                s -> s.background() == null ? "" : format(s.background().snrDb()),
                (s, t) -> SceneEdits.withBackground(s, t.isBlank() ? null
                        : new Scene.Background(Scene.Background.DIFFUSE_NOISE, inRange(t, "dB", -60, 120, true)))));
        return f;
    }

    private static List<SceneField> receiver() {
        List<SceneField> f = new ArrayList<>(positionFields("receiver", "Receiver", s -> s.receiver().position(),
                PlacementRules::moveReceiver));
        f.add(typed("receiver.yaw", "Orientation", "Yaw", "deg", "turns the front from +x towards +y",
                s -> format(s.receiver().orientation().yaw()), (s, t) -> {
                    Orientation o = s.receiver().orientation();
                    return SceneEdits.withOrientation(s, new Orientation(inRange(t, "deg", -360, 360, true), o.pitch(), o.roll()));
                }));
        f.add(typed("receiver.pitch", "Orientation", "Pitch", "deg", "tilts the front upwards",
                s -> format(s.receiver().orientation().pitch()), (s, t) -> {
                    Orientation o = s.receiver().orientation();
                    return SceneEdits.withOrientation(s, new Orientation(o.yaw(), inRange(t, "deg", -90, 90, true), o.roll()));
                }));
        f.add(typed("receiver.roll", "Orientation", "Roll", "deg", "about the front axis",
                s -> format(s.receiver().orientation().roll()), (s, t) -> {
                    Orientation o = s.receiver().orientation();
                    return SceneEdits.withOrientation(s, new Orientation(o.yaw(), o.pitch(), inRange(t, "deg", -180, 180, true)));
                }));
        return f;
    }

    private static List<SceneField> source(Scene scene, String id) {
        Function<Scene, Scene.Source> src = s -> SceneEdits.source(s, id);
        List<SceneField> f = new ArrayList<>();
        f.add(typed("source.clip", "Sound", "Clip", "", "assets:... or a WAV path; choose from the clip library",
                s -> src.apply(s).clip(), (s, t) -> {
                    if (t.isBlank()) {
                        throw new SceneField.FieldException("a source needs a clip");
                    }
                    return SceneEdits.replaceSource(s, SceneEdits.withClip(src.apply(s), t.trim(), src.apply(s).classId()));
                }));
        f.add(typed("source.class", "Sound", "Class", "", "label in the RTSD; free text is kept",
                s -> nullToEmpty(src.apply(s).classId()), (s, t) -> SceneEdits.replaceSource(s,
                        SceneEdits.withClip(src.apply(s), src.apply(s).clip(), t.isBlank() ? null : t.trim()))));
        f.add(typed("source.gain", "Sound", "Gain", "dB", "applied to the dry clip", s -> format(src.apply(s).gainDb()),
                (s, t) -> SceneEdits.replaceSource(s, SceneEdits.withGain(src.apply(s), inRange(t, "dB", -60, 24, true)))));
        f.add(typed("source.onset", "Sound", "Onset", "s", "when the clip starts", s -> format(src.apply(s).onset()),
                (s, t) -> SceneEdits.replaceSource(s, SceneEdits.withOnset(src.apply(s),
                        inRange(t, "s", 0, Math.max(0, s.duration() - 1e-3), true)))));
        if (!scene.sources().isEmpty() && !src.apply(scene).isMoving()) {
            f.addAll(positionFields("source", "Position", s -> src.apply(s).position(), (s, p) -> PlacementRules.moveSource(s, id, p)));
        }
        f.add(typed("source.trajectory", "Motion", "Trajectory", "", "time: x, y, z; ... (s: m), e.g. 0: 1, 2, 1.5; 4: 3, 2, 1.5; empty = static",
                s -> FieldParsing.keyframes(src.apply(s).trajectory()),
                (s, t) -> checked(SceneEdits.replaceSource(s, SceneEdits.withTrajectory(src.apply(s), FieldParsing.keyframes(t))))));
        return f;
    }

    /** x, y, z fields that move a point through the placement rules. */
    private static List<SceneField> positionFields(String prefix, String category, Function<Scene, Point3> get,
                                                   BiFunction<Scene, Point3, PlacementRules.Placement> move) {
        List<SceneField> f = new ArrayList<>();
        String[] axes = {"x", "y", "z"};
        for (int axis = 0; axis < 3; axis++) {
            int a = axis;
            f.add(new SceneField(prefix + "." + axes[a], category, axes[a].toUpperCase(java.util.Locale.ROOT), "m",
                    "metres from the west / south / floor corner", List.of(), s -> format(get.apply(s).toArray()[a]), (s, t) -> {
                        double[] p = get.apply(s).toArray();
                        p[a] = FieldParsing.number(t, "m");
                        PlacementRules.Placement placed = move.apply(s, new Point3(p[0], p[1], p[2]));
                        if (placed.refused()) {
                            throw new SceneField.FieldException(placed.refusal());
                        }
                        return new SceneField.Outcome(placed.scene(), placed.warning());
                    }));
        }
        return f;
    }

    static String absorptionMode(Scene s, boolean wallsWanted) {
        if (s.room().absorption() == null) {
            return TARGET_RT60;
        }
        return s.room().absorption().isUniform() && !wallsWanted ? ONE_VALUE : PER_WALL;
    }

    private static Scene changeAbsorptionMode(Scene s, String mode) {
        Absorption a = s.room().effectiveAbsorption();
        return switch (mode) {
            case ONE_VALUE -> SceneEdits.withAbsorption(s, Absorption.uniform(a.mean(s.room().size())));
            case PER_WALL -> SceneEdits.withAbsorption(s, a);
            case TARGET_RT60 -> s.room().rt60() != null ? s
                    : SceneEdits.withRt60(s, round3(RoomAcoustics.sabine(s.room().size(), a, RirOptions.SPEED_OF_SOUND)));
            default -> throw new SceneField.FieldException("unknown absorption mode '" + mode + "'");
        };
    }

    private static Absorption withWall(Absorption a, Wall wall, double value) {
        double[] v = new double[6];
        for (Wall w : Wall.values()) {
            v[w.ordinal()] = w == wall ? value : a.get(w);
        }
        return new Absorption(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /** A scene edit checked against the scene rules, so a bad value never reaches the document. */
    private static Scene checked(Scene s) {
        try {
            SceneValidator.validate(s);
            s.room().effectiveAbsorption();
            return s;
        } catch (SceneException | IllegalArgumentException e) {
            throw new SceneField.FieldException(e.getMessage());
        }
    }

    private static SceneField typed(String id, String category, String name, String unit, String description,
                                    Function<Scene, String> read, BiFunction<Scene, String, Scene> apply) {
        return new SceneField(id, category, name, unit, description, List.of(), read,
                (s, t) -> SceneField.Outcome.of(apply.apply(s, t)));
    }

    private static SceneField choice(String id, String category, String name, String description, List<String> choices,
                                     Function<Scene, String> read, BiFunction<Scene, String, Scene> apply) {
        return new SceneField(id, category, name, "", description, choices, read, (s, t) -> SceneField.Outcome.of(apply.apply(s, t)));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
