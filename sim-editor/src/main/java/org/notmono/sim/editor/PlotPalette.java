package org.notmono.sim.editor;

import java.util.function.Consumer;

import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Colours for what CSS cannot reach (3D sub-scenes, canvases, JFreeChart charts), chosen from
 * the theme: a region that follows this palette gets the theme's {@code -fx-background} as its
 * CSS background, and the palette is dark when that background is.
 *
 * @param background the plot's background
 * @param text       titles, tick labels, axis lines
 * @param grid       gridlines
 * @param strong     outlines that must stand out (room edges)
 */
public record PlotPalette(boolean dark, Color background, Color text, Color grid, Color strong) {
    public static final PlotPalette LIGHT =
            new PlotPalette(false, Color.web("#f7f8fa"), Color.web("#22252a"), Color.web("#b4bcc6"), Color.web("#3b4a5a"));
    public static final PlotPalette DARK =
            new PlotPalette(true, Color.web("#1f2126"), Color.web("#dfe3ea"), Color.web("#4a505a"), Color.web("#b8c2cc"));

    /** The palette for a region's current background: dark below half brightness. */
    public static PlotPalette of(Region region) {
        Background b = region.getBackground();
        if (b != null && !b.getFills().isEmpty() && b.getFills().getFirst().getFill() instanceof Color c && c.getOpacity() > 0) {
            return c.getBrightness() < 0.5 ? DARK : LIGHT;
        }
        return LIGHT;
    }

    /** Gives the region the theme's background and calls {@code apply} now and whenever the theme changes it. */
    public static void follow(Region region, Consumer<PlotPalette> apply) {
        region.setStyle("-fx-background-color: -fx-background;");
        region.backgroundProperty().addListener((o, a, b) -> apply.accept(of(region)));
        apply.accept(of(region));
    }

    /** Source colours for text on this background: darker on light, lighter on dark. */
    public Color readable(Color c) {
        return dark ? c.brighter() : c.darker();
    }
}
