package org.notmono.sim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.scene.RoomCategory;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneJson;
import org.notmono.sim.sources.SourceFamily;
import org.notmono.sim.sources.TestSignalLibrary;

class RandomSceneGeneratorTest {
    private final TestSignalLibrary library = new TestSignalLibrary();
    private final RandomSceneGenerator generator = new RandomSceneGenerator(library, 4.0);

    @Test
    void sameSeedAndIndexSameBytes() {
        for (long index = 0; index < 20; index++) {
            String a = SceneJson.write(generator.generate(42, index));
            String b = SceneJson.write(new RandomSceneGenerator(new TestSignalLibrary(), 4.0).generate(42, index));
            assertEquals(a, b);
        }
        assertNotEquals(SceneJson.write(generator.generate(42, 1)), SceneJson.write(generator.generate(42, 2)));
        assertNotEquals(SceneJson.write(generator.generate(42, 1)), SceneJson.write(generator.generate(43, 1)));
    }

    @Test
    void followsTheTwnmDistributions() {
        int n = 1500;
        Map<String, Integer> sizes = new HashMap<>();
        Map<String, Integer> reverbs = new HashMap<>();
        Map<SourceFamily, Integer> families = new EnumMap<>(SourceFamily.class);
        int[] counts = new int[4];
        int sources = 0;
        for (int i = 0; i < n; i++) {
            Scene s = generator.generate(7, i);
            Shoebox room = s.room().size();
            sizes.merge(RoomCategory.size(room), 1, Integer::sum);
            double a = s.room().effectiveAbsorption().mean(room);
            assertTrue(a >= 0.05 && a <= 0.8, "absorption " + a);
            reverbs.merge(RoomCategory.reverb(a), 1, Integer::sum);
            Point3 rcv = s.receiver().position();
            assertEquals(Math.min(1.7, room.lz() - 0.5), rcv.z(), 1e-12);
            assertTrue(room.nearestWall(rcv).distance() >= 0.5 - 1e-9);
            assertTrue(s.room().maxOrder() >= 1 && s.room().maxOrder() <= 17);
            counts[s.sources().size()]++;
            for (Scene.Source src : s.sources()) {
                sources++;
                assertTrue(room.nearestWall(src.position()).distance() >= 0.5 - 1e-3, "wall clearance");
                assertTrue(src.position().distanceTo(rcv) >= 0.5 - 1e-3, "receiver clearance");
                assertTrue(src.gainDb() >= -6 && src.gainDb() <= 0);
                assertTrue(src.onset() >= 0 && src.onset() < 4.0);
                families.merge(library.clips().stream().filter(c -> c.ref().equals(src.clip())).findFirst().orElseThrow().family(),
                        1, Integer::sum);
            }
        }
        assertEquals(0.6, sizes.get("small") / (double) n, 0.05);
        assertEquals(0.3, sizes.get("medium") / (double) n, 0.05);
        assertEquals(0.1, sizes.get("large") / (double) n, 0.03);
        for (String r : new String[] {"wet", "moderate", "dry"}) {
            assertEquals(1 / 3.0, reverbs.get(r) / (double) n, 0.05, r);
        }
        for (int c = 1; c <= 3; c++) {
            assertEquals(1 / 3.0, counts[c] / (double) n, 0.05, c + " sources");
        }
        assertEquals(0.5, families.get(SourceFamily.ENVIRONMENTAL) / (double) sources, 0.04);
        assertEquals(0.3, families.get(SourceFamily.SPEECH) / (double) sources, 0.04);
        assertEquals(0.2, families.get(SourceFamily.MUSIC) / (double) sources, 0.04);
    }
}
