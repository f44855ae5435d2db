package org.notmono.sim.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ClassVocabularyTest {

    private static final Set<String> STARSS23 = Set.of("Female speech", "Male speech", "Clapping", "Telephone",
            "Laughter", "Domestic sounds", "Footsteps", "Door", "Music", "Musical instrument", "Water tap", "Bell", "Knock");

    @Test
    void shippedVocabularyHasThreeFamiliesAndOnlyRealStarss23Labels() throws IOException {
        ClassVocabulary v = ClassVocabulary.fromAssets();
        assertTrue(v.classes().size() >= 25 && v.classes().size() <= 40, v.classes().size() + " classes");
        for (SourceFamily f : SourceFamily.values()) {
            assertTrue(!v.classes(f).isEmpty(), "no " + f + " class");
        }
        assertTrue(STARSS23.containsAll(v.starss23Labels()), v.starss23Labels().toString());
        assertEquals(SourceFamily.SPEECH, v.get("female_speech").family());
        assertEquals(List.of("female_speech"), v.forStarss23("female speech").stream().map(SourceClass::id).toList());
    }

    @Test
    void unknownIdIsNamed() throws IOException {
        ClassVocabulary v = ClassVocabulary.fromAssets();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.get("unicorn"));
        assertTrue(e.getMessage().contains("unicorn"));
        assertTrue(v.find("unicorn").isEmpty());
    }

    @Test
    void badEntryIsNamedWithItsIndex() {
        String json = """
                {"format": "notmono.classes/1", "classes": [
                  {"id": "a", "name": "A", "family": "music", "starss23": null},
                  {"id": "b", "name": "B", "family": "noise"}]}""";
        IOException e = assertThrows(IOException.class, () -> ClassVocabulary.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"));
        assertTrue(e.getMessage().contains("test.json: classes[1]"), e.getMessage());
        assertTrue(e.getMessage().contains("noise"), e.getMessage());
    }
}
