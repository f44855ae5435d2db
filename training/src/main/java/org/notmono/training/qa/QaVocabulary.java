package org.notmono.training.qa;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.notmono.sim.random.Theme;
import org.notmono.sim.random.Themes;
import org.notmono.sim.sources.ClassVocabulary;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.sim.sources.SourceClass;

/**
 * What questions draw their words and distractors from: the class vocabulary, the transcripts
 * the clip library can say, and the themes.
 */
public record QaVocabulary(ClassVocabulary classes, List<String> transcripts, Themes themes) {

    public QaVocabulary {
        transcripts = transcripts.stream().filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .sorted().toList();
    }

    /** The shipped vocabulary, the asset library's transcripts and themes. */
    public static QaVocabulary fromAssets() throws IOException {
        return new QaVocabulary(ClassVocabulary.fromAssets(),
                ClipLibraries.standard().clips().stream().map(ClipInfo::transcript).toList(), Themes.fromAssets());
    }

    /** The class's display name, "Dog bark" (the id with spaces for a class outside the vocabulary). */
    public String name(String classId) {
        if (classId == null) {
            return "Unknown sound";
        }
        return classes.find(classId).map(SourceClass::name).orElseGet(() -> {
            String s = classId.replace('_', ' ');
            return Character.toUpperCase(s.charAt(0)) + s.substring(1);
        });
    }

    /** The class as a noun phrase in a sentence: "the dog bark", "the woman speaking". */
    public String noun(String classId) {
        return switch (classId == null ? "" : classId) {
            case "female_speech" -> "the woman speaking";
            case "male_speech" -> "the man speaking";
            default -> "the " + name(classId).toLowerCase(Locale.ROOT);
        };
    }

    /** The words a sentence names the class with after "the": "dog bark", "woman speaking". */
    public String words(String classId) {
        return noun(classId).substring("the ".length());
    }

    /** The vocabulary's class ids in file order. */
    public List<String> classIds() {
        return classes.classes().stream().map(SourceClass::id).toList();
    }

    public Theme theme(String id) {
        return themes.find(id).orElseThrow(() -> new IllegalArgumentException("unknown theme " + id));
    }
}
