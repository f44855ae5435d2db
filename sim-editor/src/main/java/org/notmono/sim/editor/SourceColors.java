package org.notmono.sim.editor;

import javafx.scene.paint.Color;

/** One stable colour per source position in the scene, shared by the plan views, the 3D view and the tree. */
public final class SourceColors {
    // Okabe-Ito: distinguishable with colour-vision deficiencies
    private static final Color[] PALETTE = {
        Color.web("#E69F00"), Color.web("#56B4E9"), Color.web("#009E73"), Color.web("#CC79A7"),
        Color.web("#D55E00"), Color.web("#0072B2"), Color.web("#F0E442")};
    /** Mid grey: the receiver reads on the light and the dark theme (tree icon, plans). */
    public static final Color RECEIVER = Color.web("#8a8f98");

    private SourceColors() {
    }

    public static Color of(int index) {
        return PALETTE[index % PALETTE.length];
    }
}
