package org.notmono.sim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notmono.sim.scene.RoomCategory;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneJson;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.sim.sources.ClipLibrary;

class ThemedScenesTest {
    private static final ClipLibrary LIBRARY = ClipLibraries.standard();

    private static Themes themes() throws IOException {
        return Themes.fromAssets();
    }

    @Test
    void themedScenesDrawOnlyTheirThemesClassesRoomsAndReverberation() throws IOException {
        Themes themes = themes();
        RandomSceneGenerator g = new RandomSceneGenerator(LIBRARY, 4.0, themes, 1.0);
        Map<String, String> classOfClip = new HashMap<>();
        LIBRARY.clips().forEach((ClipInfo c) -> classOfClip.put(c.ref(), c.classId()));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            RandomSceneGenerator.RandomScene d = g.draw(5, i);
            Theme theme = d.theme();
            assertNotNull(theme, "every scene is themed at share 1");
            seen.merge(theme.id(), 1, Integer::sum);
            for (Scene.Source s : d.scene().sources()) {
                assertTrue(theme.classes().getOrDefault(s.classId(), 0.0) > 0, theme.id() + " drew " + s.classId());
                assertEquals(s.classId(), classOfClip.get(s.clip()), "the clip is of the drawn class");
            }
            String size = RoomCategory.size(d.scene().room().size());
            assertTrue(theme.rooms().getOrDefault(size, 0.0) > 0, theme.id() + " in a " + size + " room");
            String reverb = RoomCategory.reverb(d.scene().room().effectiveAbsorption().mean(d.scene().room().size()));
            assertTrue(theme.reverb().getOrDefault(reverb, 0.0) > 0, theme.id() + " " + reverb);
        }
        assertEquals(themes.all().size(), seen.size(), "every theme is drawn: " + seen);
    }

    @Test
    void theThemedShareLeavesUnthemedScenesAsTheyWere() throws IOException {
        RandomSceneGenerator plain = new RandomSceneGenerator(LIBRARY, 4.0);
        RandomSceneGenerator quarter = new RandomSceneGenerator(LIBRARY, 4.0, themes(), 0.25);
        int themed = 0;
        int n = 800;
        for (int i = 0; i < n; i++) {
            RandomSceneGenerator.RandomScene d = quarter.draw(9, i);
            if (d.theme() == null) {
                assertEquals(SceneJson.write(plain.generate(9, i)), SceneJson.write(d.scene()));
            } else {
                themed++;
            }
            assertEquals(SceneJson.write(d.scene()), SceneJson.write(quarter.draw(9, i).scene()), "same seed, same scene");
        }
        assertEquals(0.25, themed / (double) n, 0.05);
        assertNull(plain.draw(9, 0).theme());
    }

    @Test
    void aMalformedThemesFileNamesTheField() {
        String bad = "{\"format\": \"notmono.themes/1\", \"themes\": [{\"id\": \"x\", \"name\": \"an x\", \"classes\": {\"a\": 1},"
                + " \"rooms\": {\"small\": 1}, \"reverb\": {\"wet\": 1}, \"activities\": [{\"text\": \"t\", \"cues\": [\"b\"]}]}]}";
        IOException e = assertThrows(IOException.class,
                () -> Themes.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "t.json"));
        assertTrue(e.getMessage().startsWith("t.json: /themes/0"), e.getMessage());
    }
}
