package org.notmono.sim.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenes that once rendered NaN or infinity, hung, ran out of memory or failed with internal
 * messages (issue 17) are refused while reading, with the JSON path of the culprit.
 */
class SceneJsonLimitsTest {
    @TempDir
    Path dir;

    private static final String EXAMPLE = SceneJsonTest.EXAMPLE;

    /** The message of the SceneException that parsing {@code json} throws. */
    private static String refusal(String json) {
        return assertThrows(SceneException.class, () -> SceneJson.parse(json)).getMessage();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"gainDb\": 0.0                | \"gainDb\": 1e308           | sources[0].gainDb: 1.0E308 dB is outside -120..60",
        "\"gainDb\": 0.0                | \"gainDb\": 1e999           | sources[0].gainDb: expected a finite number",
        "\"snrDb\": 30.0                | \"snrDb\": -1e308           | background.snrDb: -1.0E308 dB is outside -60..120",
        "\"onset\": 0.5                 | \"onset\": 1e308            | sources[0].onset: 1.0E308 s is after the longest scene",
        "\"absorption\": 0.2,           | \"absorption\": 1e-300,     | room.absorption: gives an RT60 of",
        "\"absorption\": 0.2,           | \"rt60\": 1e308,            | room.rt60: 1.0E308 s is outside (0, 60]",
        "\"size\": [6.0, 5.0, 3.0]      | \"size\": [6.0, 5.0, 1e999] | room.size[2]: expected a finite number",
        "\"yaw\": 0.0                   | \"yaw\": -1e999             | receiver.yaw: expected a finite number",
        "\"id\": \"s1\"                 | \"id\": \"\"                | sources[0].id: is empty",
        "\"id\": \"s1\"                 | \"id\": \"s\\u00001\"       | sources[0].id: holds the control character U+0000",
        "\"clip\": \"/data/speech.wav\" | \"clip\": \"a\\u0000.wav\"  | sources[1].clip: holds the control character U+0000",
    })
    void outOfRangeAndNonFiniteValuesNameTheirPath(String from, String to, String expected) {
        assertTrue(EXAMPLE.contains(from), from);
        String message = refusal(EXAMPLE.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        assertTrue(message.startsWith(expected), message);
    }

    @Test
    void anImpulseResponseOfMinutesIsRefusedBeforeItIsComputed() {
        // dry enough for a finite RT60, but image sources of order 200 in a 300 m room arrive after minutes
        String huge = EXAMPLE.replace("\"size\": [6.0, 5.0, 3.0], \"absorption\": 0.2, \"maxOrder\": 17",
                "\"size\": [300, 300, 300], \"absorption\": 1.0, \"maxOrder\": 200");
        String message = refusal(huge);
        assertTrue(message.startsWith("room: the impulse response would last") && message.contains("at most 60 s"), message);
        String kilometres = EXAMPLE.replace("\"size\": [6.0, 5.0, 3.0]", "\"size\": [1e6, 1e6, 1e6]");
        assertTrue(refusal(kilometres).startsWith("room.absorption: gives an RT60 of"), refusal(kilometres));
    }

    @Test
    void deepNestingAndHugeNumbersAreInvalidJsonNotInternalErrors() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        assertTrue(refusal(nested).startsWith("not valid JSON: Document nesting depth"), refusal(nested));
        String digits = EXAMPLE.replace("\"duration\": 4.0", "\"duration\": " + "1".repeat(1_000_000));
        assertTrue(refusal(digits).startsWith("not valid JSON: Number value length"), refusal(digits));
    }

    @Test
    void trailingGarbageAfterTheSceneIsRefused() {
        assertTrue(refusal(EXAMPLE + " garbage").startsWith("not valid JSON"), refusal(EXAMPLE + " garbage"));
        assertTrue(refusal(EXAMPLE + " {}").startsWith("not valid JSON: Trailing token"), refusal(EXAMPLE + " {}"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheOffset() throws IOException {
        byte[] utf8 = EXAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = EXAMPLE.replace("dog_bark\",", "dog_b\u00e4rk\",").getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.scene.json"), latin1);
        int offset = new String(utf8, StandardCharsets.UTF_8).indexOf("dog_bark\",") + 5;
        SceneException e = assertThrows(SceneException.class, () -> SceneJson.read(file));
        assertEquals("latin1.scene.json: is not UTF-8 text (bad byte at offset " + offset + "); save it as UTF-8", e.getMessage());
    }

    @Test
    void aFolderOrADeviceIsNoSceneFile() {
        SceneException folder = assertThrows(SceneException.class, () -> SceneJson.read(dir));
        assertTrue(folder.getMessage().endsWith("is a folder, not a scene file"), folder.getMessage());
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        SceneException device = assertThrows(SceneException.class, () -> SceneJson.read(zero));
        assertTrue(device.getMessage().contains("is not a regular file"), device.getMessage());
    }

    @Test
    void theDesignExampleStillReads() {
        assertEquals(2, SceneJson.parse(EXAMPLE).sources().size());
    }
}
