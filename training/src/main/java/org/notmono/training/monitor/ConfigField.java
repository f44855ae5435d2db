package org.notmono.training.monitor;

import java.util.Locale;

/**
 * One editable number of a stage's config: where it sits in the config JSON, its label, unit
 * and allowed range. Stage cards build their forms from a list of these.
 *
 * @param pointer JSON pointer into the stage's config, e.g. {@code /training/batchSize}
 * @param unit    shown after the field ("" for none)
 * @param aboveMin the value must be above {@code min}, not equal to it
 */
public record ConfigField(String pointer, String label, String unit, double min, double max, boolean integer, boolean aboveMin) {

    public static ConfigField integer(String pointer, String label, String unit, long min, long max) {
        return new ConfigField(pointer, label, unit, min, max, true, false);
    }

    public static ConfigField real(String pointer, String label, String unit, double min, double max) {
        return new ConfigField(pointer, label, unit, min, max, false, false);
    }

    /** A real number above {@code min} (not equal to it) and at most {@code max}, e.g. a learning rate in (0, 1]. */
    public static ConfigField above(String pointer, String label, String unit, double min, double max) {
        return new ConfigField(pointer, label, unit, min, max, false, true);
    }

    /** What is wrong with {@code text} as this field's value, or null when it is fine. */
    public String check(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return label + ": enter a value in " + range();
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return label + ": '" + t + "' is not a number";
        }
        if (integer && (v != Math.rint(v) || t.contains("."))) {
            return label + ": a whole number, not " + t;
        }
        if (!((aboveMin ? v > min : v >= min) && v <= max)) {
            return label + ": " + t + " is outside " + range();
        }
        return null;
    }

    /** "1 to 512 clips", or "above 0 to 1" when {@code min} itself is not allowed. */
    public String range() {
        return (aboveMin ? "above " : "") + number(min) + " to " + number(max) + (unit.isEmpty() ? "" : " " + unit);
    }

    private String number(double v) {
        if (integer || v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
