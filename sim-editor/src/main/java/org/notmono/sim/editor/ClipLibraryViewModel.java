package org.notmono.sim.editor;

import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.ClipLibrary;

/** The clip chooser: the library's clips filtered by class and by a search text, and the chosen clip. */
public final class ClipLibraryViewModel {
    /** The class filter value that lets every class through. */
    public static final String ALL_CLASSES = "all classes";

    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final StringProperty classFilter = new SimpleStringProperty(ALL_CLASSES);
    private final StringProperty search = new SimpleStringProperty("");
    private final FilteredList<ClipInfo> visible;
    private final ObjectProperty<ClipInfo> chosen = new SimpleObjectProperty<>();

    public ClipLibraryViewModel(ClipLibrary library) {
        classes.add(ALL_CLASSES);
        library.clips().stream().map(ClipInfo::classId).distinct().sorted().forEach(classes::add);
        visible = new FilteredList<>(FXCollections.observableArrayList(library.clips()));
        classFilter.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
        refilter();
    }

    private void refilter() {
        String cls = classFilter.get();
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        visible.setPredicate(c -> (cls == null || cls.equals(ALL_CLASSES) || cls.equals(c.classId()))
                && (text.isEmpty() || c.ref().toLowerCase(Locale.ROOT).contains(text)
                || c.classId().toLowerCase(Locale.ROOT).contains(text)
                || c.family().id().contains(text)
                || c.transcript() != null && c.transcript().toLowerCase(Locale.ROOT).contains(text)));
    }

    public ObservableList<String> classes() {
        return classes;
    }

    public StringProperty classFilterProperty() {
        return classFilter;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The clips that pass the filters, in library order. */
    public ObservableList<ClipInfo> visibleClips() {
        return visible;
    }

    public ObjectProperty<ClipInfo> chosenProperty() {
        return chosen;
    }

    /** A short label: the file name and its length. */
    public static String label(ClipInfo c) {
        String name = c.ref().substring(c.ref().lastIndexOf('/') + 1);
        return String.format(Locale.ROOT, "%s  (%s, %.1f s)", name, c.classId(), c.duration());
    }
}
