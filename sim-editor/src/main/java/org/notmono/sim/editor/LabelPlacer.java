package org.notmono.sim.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * Places text labels beside point marks so that no two labels overlap and none leaves the
 * drawing: each label tries the spots right, right-above, right-below, left, left-above,
 * left-below, above and below its mark, in that order, and takes the first free one; a label
 * with no free spot is left out (the caller names every item elsewhere, in a list or a tree).
 * Marks themselves can be reserved so labels do not cover them. Coordinates are pixels, y down.
 */
public final class LabelPlacer {
    /** A placed box: top-left corner and size. */
    public record Box(double x, double y, double width, double height) {
        boolean overlaps(Box o) {
            return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height;
        }
    }

    private final double width;
    private final double height;
    private final List<Box> taken = new ArrayList<>();

    /** @param width the drawing's width, @param height its height */
    public LabelPlacer(double width, double height) {
        this.width = width;
        this.height = height;
    }

    /** Keeps labels off a mark of the given radius at (x, y). */
    public void reserve(double x, double y, double radius) {
        reserve(new Box(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    /** Keeps labels off a box (a title, a legend). */
    public void reserve(Box box) {
        taken.add(box);
    }

    /**
     * The box for a {@code w x h} label of a mark at (x, y), {@code gap} pixels from it, or null
     * when every spot overlaps an earlier label or a reserved mark or leaves the drawing.
     */
    public Box place(double x, double y, double w, double h, double gap) {
        double[][] spots = {
            {x + gap, y - h / 2}, {x + gap, y - gap - h}, {x + gap, y + gap},
            {x - gap - w, y - h / 2}, {x - gap - w, y - gap - h}, {x - gap - w, y + gap},
            {x - w / 2, y - gap - h}, {x - w / 2, y + gap}};
        for (double[] s : spots) {
            Box box = new Box(s[0], s[1], w, h);
            if (box.x() >= 0 && box.y() >= 0 && box.x() + w <= width && box.y() + h <= height
                    && taken.stream().noneMatch(box::overlaps)) {
                taken.add(box);
                return box;
            }
        }
        return null;
    }

    /** Every box placed or reserved so far. */
    public List<Box> taken() {
        return List.copyOf(taken);
    }
}
