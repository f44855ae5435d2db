package org.notmono.training.qa;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The question templates of every family (resource {@code phrasings.json}): at least eight for
 * training and a held-out set that training corpora never use, so a benchmark can check a model
 * on wordings it has not seen. Placeholders: {X} and {Y} name sources, {where} a location,
 * {turn} a rotation, {extreme} nearest or farthest.
 */
public final class Phrasings {
    /** Which templates a generator may use. */
    public enum Set {
        TRAIN, HELD_OUT, ALL
    }

    /** One template and its id, e.g. {@code azimuth/t3} (train) or {@code azimuth/h1} (held out). */
    public record Template(String id, String text) {
    }

    /** Wordings that presuppose a list to choose from ("Among these options", "Which of the following", "which claim"). */
    private static final Pattern OPTION_WORDING = Pattern.compile("(?i)\\boptions?\\b|\\bof the following\\b|\\blisted\\b"
            + "|\\b(which|one) of these\\b|\\bthese (statements|descriptions|locations|events)\\b|\\bstatements?\\b"
            + "|\\bpick\\b(?! the \\{extreme})|\\bclaims?\\b|\\bwhich (description|sentence)\\b|\\bbelow\\b|\\bselect\\b");
    private final Map<Family, List<Template>> train = new EnumMap<>(Family.class);
    private final Map<Family, List<Template>> heldOut = new EnumMap<>(Family.class);

    private Phrasings() {
    }

    /** The shipped templates. */
    public static Phrasings standard() {
        try (InputStream in = Phrasings.class.getResourceAsStream("phrasings.json")) {
            if (in == null) {
                throw new IllegalStateException("phrasings.json is missing from the training jar");
            }
            JsonNode families = new ObjectMapper().readTree(in).path("families");
            Phrasings p = new Phrasings();
            for (Family f : Family.values()) {
                JsonNode node = families.path(f.id());
                p.train.put(f, templates(f, node.path("train"), "t"));
                p.heldOut.put(f, templates(f, node.path("heldOut"), "h"));
                if (p.train.get(f).size() < 8 || p.heldOut.get(f).isEmpty()) {
                    throw new IllegalStateException("phrasings.json: family " + f.id() + " needs >= 8 train and >= 1 held-out templates");
                }
            }
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("phrasings.json cannot be read", e);
        }
    }

    private static List<Template> templates(Family f, JsonNode array, String prefix) {
        List<Template> list = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            list.add(new Template(f.id() + "/" + prefix + (i + 1), array.get(i).asText()));
        }
        return List.copyOf(list);
    }

    /** True when {@code text} only makes sense with options beside it: a multiple-choice wording. */
    public static boolean assumesOptions(String text) {
        return OPTION_WORDING.matcher(text).find();
    }

    /**
     * These templates without the multiple-choice wordings ({@link #assumesOptions}): the ones an
     * open question may use. A family whose every wording needs options has none here.
     */
    public Phrasings forOpenQuestions() {
        Phrasings open = new Phrasings();
        for (Family f : Family.values()) {
            open.train.put(f, train(f).stream().filter(t -> !assumesOptions(t.text())).toList());
            open.heldOut.put(f, heldOut(f).stream().filter(t -> !assumesOptions(t.text())).toList());
        }
        return open;
    }

    public List<Template> train(Family f) {
        return train.get(f);
    }

    public List<Template> heldOut(Family f) {
        return heldOut.get(f);
    }

    /** The templates of a family in a set (train first, then held out). */
    public List<Template> of(Family f, Set set) {
        return switch (set) {
            case TRAIN -> train(f);
            case HELD_OUT -> heldOut(f);
            case ALL -> {
                List<Template> all = new ArrayList<>(train(f));
                all.addAll(heldOut(f));
                yield List.copyOf(all);
            }
        };
    }
}
