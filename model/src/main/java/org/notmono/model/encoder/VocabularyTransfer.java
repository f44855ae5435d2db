package org.notmono.model.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;

/**
 * Carries a trained encoder over to another class vocabulary, as when the asset library
 * renames or replaces a class: every tensor is copied, except that the class head's rows
 * follow their class by id. Classes the trained encoder never saw keep the fresh
 * initialisation of their rows; classes the new vocabulary drops are left behind.
 */
public final class VocabularyTransfer {
    private VocabularyTransfer() {
    }

    /** A new encoder over {@code classes} holding {@code trained}'s weights; {@code seed} initialises unseen classes. */
    public static EncoderModel adopt(EncoderModel trained, List<String> classes, long seed) {
        EncoderModel target = EncoderModel.create(trained.config(), classes, seed, trained.manager().getDevice());
        Set<Parameter> classIndexed = Set.copyOf(target.block().heads().classLayer().getParameters().values());
        PairList<String, Parameter> from = trained.block().getParameters();
        PairList<String, Parameter> to = target.block().getParameters();
        for (int i = 0; i < to.size(); i++) {
            NDArray source = from.get(i).getValue().getArray();
            NDArray destination = to.get(i).getValue().getArray();
            if (classIndexed.contains(to.get(i).getValue())) {
                copyClassRows(source, trained.classes(), destination, classes);
            } else {
                destination.set(source.toFloatArray());
            }
        }
        return target;
    }

    /** The classes of {@code classes} that {@code trained} has no rows for. */
    public static List<String> unseen(EncoderModel trained, List<String> classes) {
        List<String> unseen = new ArrayList<>(classes);
        unseen.removeAll(trained.classes());
        return unseen;
    }

    private static void copyClassRows(NDArray source, List<String> sourceClasses, NDArray destination, List<String> classes) {
        for (int row = 0; row < classes.size(); row++) {
            int from = sourceClasses.indexOf(classes.get(row));
            if (from >= 0) {
                destination.set(new NDIndex(row), source.get(from));
            }
        }
    }
}
