package org.notmono.journeys;

import java.io.File;
import java.util.List;
import java.util.Set;

import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;

/**
 * A dragboard holding files, as the system hands one over when files are dragged from a file
 * manager. Headless Monocle has no native drag and drop, so journeys fire drag events with this.
 */
final class FilesDragboard implements TKClipboard {
    private final List<File> files;

    private FilesDragboard(List<File> files) {
        this.files = files;
    }

    static Dragboard of(List<File> files) {
        return DragboardHelper.createDragboard(new FilesDragboard(files));
    }

    @Override
    public Set<DataFormat> getContentTypes() {
        return Set.of(DataFormat.FILES);
    }

    @Override
    @SafeVarargs
    public final boolean putContent(Pair<DataFormat, Object>... content) {
        throw new UnsupportedOperationException("the dropped files are fixed");
    }

    @Override
    public Object getContent(DataFormat format) {
        return DataFormat.FILES.equals(format) ? files : null;
    }

    @Override
    public boolean hasContent(DataFormat format) {
        return DataFormat.FILES.equals(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
        return Set.of(TransferMode.COPY);
    }

    @Override
    public void setDragView(Image image) {
    }

    @Override
    public void setDragViewOffsetX(double offsetX) {
    }

    @Override
    public void setDragViewOffsetY(double offsetY) {
    }

    @Override
    public Image getDragView() {
        return null;
    }

    @Override
    public double getDragViewOffsetX() {
        return 0;
    }

    @Override
    public double getDragViewOffsetY() {
        return 0;
    }
}
