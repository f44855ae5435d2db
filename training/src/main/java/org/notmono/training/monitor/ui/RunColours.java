package org.notmono.training.monitor.ui;

import java.awt.Color;

/** The runs' colours (Tableau 10, distinct for colour-blind viewers in most pairs); a run keeps its index. */
final class RunColours {
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC),
    };

    private RunColours() {
    }

    static Color of(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    static Color faint(int index) {
        Color c = of(index);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 70);
    }

    /** CSS colour for JavaFX nodes. */
    static String css(int index) {
        return String.format("#%06X", of(index).getRGB() & 0xFFFFFF);
    }
}
