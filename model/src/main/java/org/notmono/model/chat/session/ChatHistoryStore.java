package org.notmono.model.chat.session;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Conversations on disk, one file per clip ({@code DIR/<history key>.json}, format
 * {@value #FORMAT}), so a clip's conversation is back after a restart. Files are replaced
 * atomically; a file that cannot be read is reported, never silently dropped.
 */
public final class ChatHistoryStore {
    public static final String FORMAT = "notmono.chat/1";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<List<Exchange>> EXCHANGES = new TypeReference<>() {
    };

    private final Path dir;

    public ChatHistoryStore(Path dir) {
        this.dir = dir;
    }

    /** The file that holds {@code clip}'s conversation. */
    public Path fileFor(ChatClip clip) {
        return dir.resolve(clip.historyKey() + ".json");
    }

    /** The saved conversation about {@code clip}, oldest first; empty when there is none. */
    public List<Exchange> load(ChatClip clip) throws IOException {
        Path file = fileFor(clip);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IOException(file + ": format is '" + root.path("format").asText() + "', expected " + FORMAT);
            }
            return MAPPER.readerFor(EXCHANGES).readValue(root.path("exchanges"));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IOException(file + " is not a readable chat history: " + e.getMessage(), e);
        }
    }

    /** Replaces the saved conversation about {@code clip}; an empty one deletes the file. */
    public void save(ChatClip clip, List<Exchange> exchanges) throws IOException {
        Path file = fileFor(clip);
        if (exchanges.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("clip", clip.file().toString());
        root.put("sha256", clip.sha256());
        root.set("exchanges", MAPPER.valueToTree(exchanges));
        Files.createDirectories(dir);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
        try {
            Files.writeString(tmp, MAPPER.writeValueAsString(root) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AccessDeniedException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write the chat history " + file + ": permission denied", e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
