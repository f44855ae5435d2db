package org.notmono.sim.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ClipPickerTest {

    @Test
    void samePairSameClipAndIndicesSpreadOverTheClass() throws IOException {
        ClipPicker picker = new ClipPicker(AssetLibrary.load());
        assertEquals(picker.forClass("door", 7, 3), picker.forClass("door", 7, 3));
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < 50; index++) {
            ClipInfo c = picker.forClass("door", 7, index);
            assertEquals("door", c.classId());
            seen.add(c.ref());
        }
        long doors = AssetLibrary.load().clips().stream().filter(c -> c.classId().equals("door")).count();
        assertEquals(doors, seen.size(), "50 picks should reach every door clip");
    }

    @Test
    void familyPicksStayInTheFamily() throws IOException {
        ClipPicker picker = new ClipPicker(AssetLibrary.load());
        for (int index = 0; index < 20; index++) {
            assertEquals(SourceFamily.SPEECH, picker.forFamily(SourceFamily.SPEECH, 1, index).family());
        }
    }

    @Test
    void missingClassIsNamed() throws IOException {
        ClipPicker picker = new ClipPicker(AssetLibrary.load());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> picker.forClass("unicorn", 1, 1));
        assertTrue(e.getMessage().contains("unicorn"));
    }
}
