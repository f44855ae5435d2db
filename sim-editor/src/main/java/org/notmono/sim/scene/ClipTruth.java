package org.notmono.sim.scene;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The ground truth (an RTSD as JSON text) of a clip, wherever NotMono keeps it: {@code X.rtsd.json}
 * beside a rendered {@code X.wav}; for a clip {@code NNNNNNNN.wav} of a dataset shard, its line in
 * the shard's {@code rtsd.jsonl}; for one in an ASA benchmark's {@code clips/}, its line in the
 * benchmark's {@code rtsd.jsonl}. A line is the clip's when its {@code index} is the number in the
 * clip's name (DESIGN.md, "Datasets" and the benchmark layout).
 *
 * @param origin where the truth was read, for what is shown and for messages: a file name, or
 *               {@code FOLDER/rtsd.jsonl line N}
 * @param json   the RTSD object
 */
public record ClipTruth(String origin, String json) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NUMBERED_CLIP = Pattern.compile("(\\d{8})\\.wav", Pattern.CASE_INSENSITIVE);
    private static final String LINES = "rtsd.jsonl";

    /** The truth of {@code wav}, or empty when there is none where NotMono keeps it. */
    public static Optional<ClipTruth> find(Path wav) throws IOException {
        Path beside = RtsdJson.besides(wav);
        if (Files.isRegularFile(beside)) {
            return Optional.of(read(beside));
        }
        Matcher numbered = NUMBERED_CLIP.matcher(wav.getFileName().toString());
        if (!numbered.matches()) {
            return Optional.empty();
        }
        long index = Long.parseLong(numbered.group(1));
        Path folder = wav.toAbsolutePath().normalize().getParent();
        Optional<ClipTruth> inShard = line(folder.resolve(LINES), index);
        boolean inBenchmarkClips = folder.getFileName() != null && folder.getFileName().toString().equals("clips")
                && folder.getParent() != null;
        return inShard.isPresent() || !inBenchmarkClips ? inShard : line(folder.getParent().resolve(LINES), index);
    }

    /** The truth in an RTSD file ({@code *.rtsd.json}). */
    public static ClipTruth read(Path rtsdFile) throws IOException {
        return new ClipTruth(rtsdFile.getFileName().toString(), Files.readString(rtsdFile));
    }

    /** The RTSD; a problem is an {@link IOException} naming the origin and the JSON path. */
    public Rtsd rtsd() throws IOException {
        try {
            return RtsdJson.parse(json);
        } catch (SceneException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
        }
    }

    /**
     * The line of {@code jsonl} whose index is {@code index}. A line that is not JSON could be that
     * line: when no line matches, it is named rather than the clip said to have no truth.
     */
    private static Optional<ClipTruth> line(Path jsonl, long index) throws IOException {
        if (!Files.isRegularFile(jsonl)) {
            return Optional.empty();
        }
        String where = jsonl.getParent().getFileName() + "/" + LINES;
        int broken = 0;
        try (BufferedReader in = Files.newBufferedReader(jsonl)) {
            int number = 0;
            for (String text; (text = in.readLine()) != null; ) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    broken = broken == 0 ? number : broken;
                    continue;
                }
                JsonNode i = node.path("index");
                if (i.isIntegralNumber() && i.asLong() == index) {
                    return Optional.of(new ClipTruth(where + " line " + number, text));
                }
            }
        }
        if (broken > 0) {
            throw new IOException(String.format(Locale.ROOT, "%s line %d is not JSON, so the ground truth of clip %08d cannot be"
                    + " found there; repair or remove the line (rebuild the folder with the command that made it)", where, broken, index));
        }
        return Optional.empty();
    }
}
