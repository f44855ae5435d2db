package org.notmono.journeys;

import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;

/** The WCAG 2 contrast ratio of two opaque colours (1 to 21; 4.5 is the AA bar for body text, 3 for bold or large text). */
final class WcagContrast {
    private WcagContrast() {
    }

    static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** The colour a fill shows over most of its area: a colour itself, or a gradient's last stop (Modena's fields fade in from the top edge). */
    static Color surface(Paint fill) {
        return fill instanceof LinearGradient g ? g.getStops().getLast().getColor() : (Color) fill;
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
