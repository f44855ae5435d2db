package org.notmono.sim.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneJson;

/**
 * The autosave file: the unsaved scene and the file it belongs to, written after every edit and
 * removed once the scene is saved or discarded, so a crash loses nothing.
 */
public final class RecoveryStore {
    public static final String FORMAT = "notmono.recovery/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;

    public RecoveryStore(Path file) {
        this.file = file;
    }

    /** What a crashed session left behind. @param file the scene's file, null when it was never saved */
    public record Recovered(Scene scene, Path file) {
    }

    public Path file() {
        return file;
    }

    public void write(Scene scene, Path sceneFile) throws IOException {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("file", sceneFile == null ? null : sceneFile.toAbsolutePath().toString());
        o.put("scene", SceneJson.write(scene));
        Files.createDirectories(file.toAbsolutePath().getParent());
        RenderOutput.writeAtomically(file, MAPPER.writeValueAsString(o));
    }

    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    /** The recovered scene, or empty when there is none; a damaged file is an IOException naming it. */
    public Optional<Recovered> read() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode o = MAPPER.readTree(file.toFile());
            if (!FORMAT.equals(o.path("format").asText())) {
                throw new IOException(file + ": not a " + FORMAT + " file");
            }
            Scene scene = SceneJson.parse(o.path("scene").asText());
            Path sceneFile = o.path("file").isTextual() ? Path.of(o.path("file").asText()) : null;
            return Optional.of(new Recovered(scene, sceneFile));
        } catch (RuntimeException e) {
            throw new IOException(file + ": cannot recover the scene: " + e.getMessage(), e);
        }
    }
}
