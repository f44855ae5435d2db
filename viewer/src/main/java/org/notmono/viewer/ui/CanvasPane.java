package org.notmono.viewer.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/** A pane holding a canvas that follows its size and repaints when resized. */
abstract class CanvasPane extends Pane {
    protected final Canvas canvas = new Canvas();

    CanvasPane() {
        getChildren().add(canvas);
        widthProperty().addListener((o, a, b) -> layoutAndPaint());
        heightProperty().addListener((o, a, b) -> layoutAndPaint());
        setMinSize(0, 0);
    }

    private void layoutAndPaint() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
        paint();
    }

    /** Draws everything; called on resize and whenever the state shown changes. */
    abstract void paint();
}
