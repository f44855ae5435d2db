package org.notmono.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void recentFilesAreUniqueNewestFirstAndBounded() {
        AppSettings s = new AppSettings();
        IntStream.range(0, 15).forEach(i -> s.addRecent("f" + i));
        s.addRecent("f10");
        assertEquals(AppSettings.MAX_RECENT, s.recentFiles.size());
        assertEquals("f10", s.recentFiles.getFirst());
        assertEquals("f14", s.recentFiles.get(1));
        assertEquals(1, s.recentFiles.stream().filter("f10"::equals).count());
    }

    @Test
    void aCorruptFileGivesDefaultsNotAnError() throws IOException {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{ this is not json");
        AppSettings s = new SettingsStore(f).load();
        assertEquals("light", s.theme);
    }

    @Test
    void unknownFieldsFromANewerVersionAreIgnored() throws IOException {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{\"theme\": \"dark\", \"somethingNew\": 3}");
        assertEquals("dark", new SettingsStore(f).load().theme);
    }

    @Test
    void saveCreatesTheFolderAndLeavesNoTemporaryFiles() throws IOException {
        Path f = dir.resolve("nested/settings.json");
        AppSettings s = new AppSettings();
        s.theme = "dark";
        new SettingsStore(f).save(s);
        assertEquals("dark", new SettingsStore(f).load().theme);
        try (var files = Files.list(f.getParent())) {
            assertEquals(1, files.count());
        }
    }
}
