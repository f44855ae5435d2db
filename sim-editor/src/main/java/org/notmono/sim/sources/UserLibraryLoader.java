package org.notmono.sim.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.notmono.audio.Wav;
import org.notmono.audio.WavFormat;

/**
 * Reads a user's own clips into a {@link UserLibrary}, in one of two forms:
 * <ul>
 *   <li>a folder with one sub-folder per class ({@code dog_bark/}, {@code Female speech/}), each
 *       holding WAV files;</li>
 *   <li>a manifest, CSV / TSV or JSON (an array of objects, or {@code {"clips": [...]}}), with
 *       Clotho-style ({@code file_name}, {@code caption_1}...), FSD50K-style ({@code fname},
 *       {@code labels}) or LibriTTS-style ({@code audio_path}, {@code text}, {@code gender})
 *       columns; paths are relative to the manifest's folder.</li>
 * </ul>
 * A broken entry (missing file, unreadable audio, unknown class, bad row) becomes a
 * {@link LibraryProblem} and the rest still load.
 */
public final class UserLibraryLoader {

    private static final List<String> FILE_COLUMNS = List.of("file", "file_name", "fname", "path", "audio_path", "audio");
    private static final List<String> LABEL_COLUMNS = List.of("class", "label", "labels");
    private static final List<String> TRANSCRIPT_COLUMNS = List.of("transcript", "text", "text_normalized",
            "normalized_text", "text_original", "original_text");
    private static final List<String> GENDER_COLUMNS = List.of("gender", "sex");
    private static final List<String> AUDIO_EXTENSIONS = List.of(".wav", ".flac", ".ogg", ".mp3", ".aiff", ".m4a", ".opus");
    /** Class of an entry whose label matches nothing and that names no label at all. */
    static final String UNLABELLED = "unlabelled";

    private final ClassVocabulary vocabulary;
    private final LabelMatcher matcher;

    public UserLibraryLoader(ClassVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.matcher = new LabelMatcher(vocabulary);
    }

    /** A folder of class folders, or a manifest file (by extension: .csv, .tsv, .json). */
    public UserLibrary open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return fromFolder(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException(path + ": no such folder or manifest");
        }
        return fromManifest(path);
    }

    /** One sub-folder per class; files directly in the root and non-audio files are ignored. */
    public UserLibrary fromFolder(Path root) throws IOException {
        List<ClipInfo> clips = new ArrayList<>();
        List<LibraryProblem> problems = new ArrayList<>();
        for (Path classDir : sortedChildren(root)) {
            if (!Files.isDirectory(classDir)) {
                continue;
            }
            String label = classDir.getFileName().toString();
            Optional<SourceClass> known = matcher.match(List.of(label));
            for (Path file : sortedChildren(classDir)) {
                if (!Files.isRegularFile(file) || !isAudio(file)) {
                    continue;
                }
                String entry = root.relativize(file).toString();
                if (known.isEmpty()) {
                    problems.add(new LibraryProblem(entry, LibraryProblem.Kind.UNKNOWN_CLASS,
                            "folder '" + label + "' is not a class of the vocabulary; kept under its own label"));
                }
                String classId = known.map(SourceClass::id).orElse(label);
                SourceFamily family = known.map(SourceClass::family).orElse(SourceFamily.ENVIRONMENTAL);
                probe(file, entry, problems).ifPresent(f -> clips.add(info(file, classId, family, f, null)));
            }
        }
        return new UserLibrary(root, clips, problems);
    }

    /** A CSV, TSV or JSON manifest. */
    public UserLibrary fromManifest(Path manifest) throws IOException {
        String name = manifest.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        List<CsvTable.Row> rows;
        if (name.endsWith(".json")) {
            rows = jsonRows(text, manifest.getFileName().toString());
        } else if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            rows = CsvTable.parse(text, name.endsWith(".tsv") ? '\t' : ',', manifest.getFileName().toString());
        } else {
            throw new IOException(manifest + ": a manifest must be .csv, .tsv or .json");
        }
        Path base = manifest.toAbsolutePath().getParent();
        List<ClipInfo> clips = new ArrayList<>();
        List<LibraryProblem> problems = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            String entry = row.where();
            Optional<String> file = first(row.values(), FILE_COLUMNS);
            if (file.isEmpty()) {
                problems.add(new LibraryProblem(entry, LibraryProblem.Kind.BAD_ENTRY,
                        "no file column (one of " + FILE_COLUMNS + ")"));
                continue;
            }
            Path path = base.resolve(file.get()).normalize();
            String transcript = first(row.values(), TRANSCRIPT_COLUMNS).orElse(null);
            SourceClass known = classOf(row.values(), transcript != null, entry, problems);
            String classId = known != null ? known.id() : rawLabel(row.values()).orElse(UNLABELLED);
            SourceFamily family = known != null ? known.family()
                    : transcript != null ? SourceFamily.SPEECH : SourceFamily.ENVIRONMENTAL;
            if (!Files.isRegularFile(path)) {
                problems.add(new LibraryProblem(entry, LibraryProblem.Kind.MISSING_FILE, "no file " + path));
                continue;
            }
            probe(path, entry, problems).ifPresent(f -> clips.add(info(path, classId, family, f, transcript)));
        }
        return new UserLibrary(manifest, clips, problems);
    }

    /** Class from a class/label column, or from the speaker's gender for LibriTTS-style speech. */
    private SourceClass classOf(Map<String, String> row, boolean hasTranscript, String entry, List<LibraryProblem> problems) {
        Optional<String> raw = rawLabel(row);
        if (raw.isPresent()) {
            Optional<SourceClass> match = matcher.match(Arrays.asList(raw.get().split(",")));
            if (match.isEmpty()) {
                problems.add(new LibraryProblem(entry, LibraryProblem.Kind.UNKNOWN_CLASS,
                        "label '" + raw.get() + "' is not a class of the vocabulary; kept under its own label"));
            }
            return match.orElse(null);
        }
        Optional<String> gender = first(row, GENDER_COLUMNS).map(g -> g.toUpperCase(Locale.ROOT));
        if (hasTranscript && gender.isPresent() && (gender.get().startsWith("F") || gender.get().startsWith("M"))) {
            return vocabulary.find(gender.get().startsWith("F") ? "female_speech" : "male_speech").orElse(null);
        }
        problems.add(new LibraryProblem(entry, LibraryProblem.Kind.UNKNOWN_CLASS,
                "no class, label or speaker gender column; kept as '" + UNLABELLED + "'"));
        return null;
    }

    private static Optional<String> rawLabel(Map<String, String> row) {
        return first(row, LABEL_COLUMNS);
    }

    private static Optional<WavFormat> probe(Path file, String entry, List<LibraryProblem> problems) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav")) {
            problems.add(new LibraryProblem(entry, LibraryProblem.Kind.UNREADABLE_AUDIO,
                    "only WAV files can be read; convert " + file.getFileName() + " to WAV"));
            return Optional.empty();
        }
        try {
            WavFormat format = Wav.probe(file);
            if (format.frames() == 0) {
                problems.add(new LibraryProblem(entry, LibraryProblem.Kind.UNREADABLE_AUDIO, "the file holds no audio"));
                return Optional.empty();
            }
            return Optional.of(format);
        } catch (IOException e) {
            problems.add(new LibraryProblem(entry, LibraryProblem.Kind.UNREADABLE_AUDIO, e.getMessage()));
            return Optional.empty();
        }
    }

    private static ClipInfo info(Path file, String classId, SourceFamily family, WavFormat format, String transcript) {
        return new ClipInfo(file.toAbsolutePath().normalize().toString(), classId, family,
                format.frames() / (double) format.sampleRate(), format.sampleRate(), transcript);
    }

    private static Optional<String> first(Map<String, String> row, List<String> columns) {
        for (String column : columns) {
            for (Map.Entry<String, String> e : row.entrySet()) {
                if (e.getKey().equalsIgnoreCase(column) && e.getValue() != null && !e.getValue().isBlank()) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isAudio(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return AUDIO_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static String text(JsonNode v) {
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return v.isNull() ? "" : v.asText();
    }

    /** JSON entries as rows: numbers and strings become text; arrays of labels are joined with commas. */
    private static List<CsvTable.Row> jsonRows(String text, String nameForErrors) throws IOException {
        JsonNode root = new ObjectMapper().readTree(text);
        JsonNode entries = root != null && root.isObject() ? root.path("clips") : root;
        if (entries == null || !entries.isArray()) {
            throw new IOException(nameForErrors + ": expected an array of clips or {\"clips\": [...]}");
        }
        List<CsvTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, String> values = new LinkedHashMap<>();
            JsonNode e = entries.get(i);
            if (e.isObject()) {   // anything else becomes an empty row, reported as having no file column
                for (Map.Entry<String, JsonNode> p : e.properties()) {
                    values.put(p.getKey(), text(p.getValue()));
                }
            }
            rows.add(new CsvTable.Row(nameForErrors + " clips[" + i + "]", values));
        }
        return rows;
    }
}
