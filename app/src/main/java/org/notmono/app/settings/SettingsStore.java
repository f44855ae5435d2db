package org.notmono.app.settings;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Reads and writes {@code settings.json} in the NotMono home. A missing or unreadable file
 * gives the defaults (and a log line), never an error dialog at start-up; writes are atomic.
 */
public final class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());
    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path file) {
        this.file = file;
    }

    /** The store in the NotMono home folder. */
    public static SettingsStore standard() {
        return new SettingsStore(NotMonoHome.dir().resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    public AppSettings load() {
        if (!Files.isRegularFile(file)) {
            return new AppSettings();
        }
        try {
            AppSettings s = mapper.readValue(file.toFile(), AppSettings.class);
            return s == null ? new AppSettings() : s;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "ignoring unreadable settings " + file, e);
            return new AppSettings();
        }
    }

    public void save(AppSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "settings", ".json.part");
        try {
            mapper.writeValue(tmp.toFile(), settings);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
