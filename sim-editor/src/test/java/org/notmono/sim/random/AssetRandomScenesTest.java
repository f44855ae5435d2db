package org.notmono.sim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.sources.AssetLibrary;
import org.notmono.sim.sources.ClassVocabulary;
import org.notmono.sim.sources.ClipInfo;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.sim.sources.SourceFamily;

/** Random scenes draw from the shipped dry-source library, with the TWNM family mix 5 : 3 : 2. */
class AssetRandomScenesTest {

    @Test
    void scenesUseVocabularyClassesInTheFamilyMix() throws IOException {
        AssetLibrary library = ClipLibraries.standard();
        ClassVocabulary vocabulary = ClassVocabulary.fromAssets();
        RandomSceneGenerator generator = new RandomSceneGenerator(library, 4.0);
        Map<SourceFamily, Integer> counts = new EnumMap<>(SourceFamily.class);
        int total = 0;
        for (int index = 0; index < 600; index++) {
            Scene scene = generator.generate(7, index);
            for (Scene.Source s : scene.sources()) {
                ClipInfo clip = library.clips().stream().filter(c -> c.ref().equals(s.clip())).findFirst()
                        .orElseThrow(() -> new AssertionError("not an asset clip: " + s.clip()));
                assertEquals(clip.classId(), s.classId());
                assertTrue(vocabulary.find(s.classId()).isPresent(), s.classId());
                counts.merge(clip.family(), 1, Integer::sum);
                total++;
            }
        }
        // 5 : 3 : 2 within a few standard deviations for ~1200 draws
        assertEquals(0.5, counts.get(SourceFamily.ENVIRONMENTAL) / (double) total, 0.05);
        assertEquals(0.3, counts.get(SourceFamily.SPEECH) / (double) total, 0.05);
        assertEquals(0.2, counts.get(SourceFamily.MUSIC) / (double) total, 0.05);
    }
}
