package org.notmono.sim.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.notmono.sim.room.Point3;
import org.notmono.sim.scene.Scene;

/** Parsing and formatting of typed field text, with messages that say what is expected. */
final class FieldParsing {

    private FieldParsing() {
    }

    static double number(String text, String unit) {
        String t = text.trim();
        if (!unit.isEmpty() && t.endsWith(unit)) {
            t = t.substring(0, t.length() - unit.length()).trim();
        }
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SceneField.FieldException("'" + text.trim() + "' is not a number" + (unit.isEmpty() ? "" : " of " + unit));
    }

    static double inRange(String text, String unit, double min, double max, boolean minIncluded) {
        double v = number(text, unit);
        if (minIncluded ? v < min : v <= min) {
            throw new SceneField.FieldException("must be " + (minIncluded ? "at least " : "more than ") + format(min) + " " + unit);
        }
        if (v > max) {
            throw new SceneField.FieldException("must be at most " + format(max) + " " + unit);
        }
        return v;
    }

    static int integer(String text, int min, int max) {
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new SceneField.FieldException("'" + text.trim() + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw new SceneField.FieldException("must be between " + min + " and " + max);
        }
        return v;
    }

    /** Up to three decimals, no trailing zeros. */
    static String format(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    /** {@code t: x, y, z; t: x, y, z}: keyframes in increasing time; empty for a static source. */
    static List<Scene.Keyframe> keyframes(String text) {
        List<Scene.Keyframe> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        for (String part : text.split(";")) {
            String[] tp = part.split(":");
            String[] xyz = tp.length == 2 ? tp[1].split(",") : new String[0];
            if (xyz.length != 3) {
                throw new SceneField.FieldException("'" + part.trim() + "' is not a keyframe; write t: x, y, z (seconds: metres)");
            }
            double t = number(tp[0], "s");
            if (!out.isEmpty() && t <= out.getLast().t()) {
                throw new SceneField.FieldException("keyframe times must increase (" + format(t) + " s comes after "
                        + format(out.getLast().t()) + " s)");
            }
            out.add(new Scene.Keyframe(t, new Point3(number(xyz[0], "m"), number(xyz[1], "m"), number(xyz[2], "m"))));
        }
        if (out.size() == 1) {
            throw new SceneField.FieldException("a moving source needs at least 2 keyframes; clear the field for a static source");
        }
        return out;
    }

    static String keyframes(List<Scene.Keyframe> keyframes) {
        if (keyframes == null) {
            return "";
        }
        return String.join("; ", keyframes.stream().map(k -> format(k.t()) + ": " + format(k.position().x()) + ", "
                + format(k.position().y()) + ", " + format(k.position().z())).toList());
    }
}
