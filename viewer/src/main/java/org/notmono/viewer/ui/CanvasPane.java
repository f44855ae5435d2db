package org.notmono.viewer.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/**
 * A pane holding a canvas that follows its size and repaints when resized, and optionally the
 * playback cursor as a line over it: moving the cursor moves the line and repaints nothing.
 */
abstract class CanvasPane extends Pane {
    protected final Canvas canvas = new Canvas();
    private WritableImage image;

    CanvasPane() {
        getChildren().add(canvas);
        widthProperty().addListener((o, a, b) -> layoutAndPaint());
        heightProperty().addListener((o, a, b) -> layoutAndPaint());
        setMinSize(0, 0);
    }

    /** Puts the cursor of {@code model} over the canvas, in {@code colour}. */
    protected final void showCursor(ViewerViewModel model, Color colour) {
        showCursor(model, colour, 0);
    }

    /** The same over a plot whose time axis starts {@code left} pixels from the pane's left edge. */
    protected final void showCursor(ViewerViewModel model, Color colour, double left) {
        Line line = new Line();
        line.setStroke(colour);
        line.setManaged(false);
        line.setMouseTransparent(true);
        line.getStyleClass().add("playback-cursor");
        getChildren().add(line);
        Runnable place = () -> {
            double x = left + Math.floor(TimeAxis.toX(model, model.cursorProperty().get(), getWidth() - left)) + 0.5;
            line.setVisible(model.documentProperty().get() != null && x >= left && x <= getWidth());
            line.setStartX(x);
            line.setEndX(x);
            line.setEndY(getHeight());
        };
        model.cursorProperty().addListener((o, a, b) -> place.run());
        model.viewStartProperty().addListener((o, a, b) -> place.run());
        model.viewEndProperty().addListener((o, a, b) -> place.run());
        model.documentProperty().addListener((o, a, b) -> place.run());
        widthProperty().addListener((o, a, b) -> place.run());
        heightProperty().addListener((o, a, b) -> place.run());
        place.run();
    }

    /** Puts opaque ARGB pixels, {@code width x height} row by row, on the canvas. */
    protected final void drawPixels(int[] argb, int width, int height) {
        if (image == null || image.getWidth() != width || image.getHeight() != height) {
            image = new WritableImage(width, height);
        }
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), argb, 0, width);
        canvas.getGraphicsContext2D().drawImage(image, 0, 0);
    }

    private void layoutAndPaint() {
        canvas.setWidth(Math.floor(getWidth()));
        canvas.setHeight(Math.floor(getHeight()));
        paint();
    }

    /** Draws everything; called on resize and whenever the state shown changes. */
    abstract void paint();
}
