package org.notmono.fx;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/** The one table of shortcuts: no key does two things, and each names its action. */
class KeyBindingTest {
    @Test
    void noTwoBindingsShareKeys() {
        Map<KeyCombination, KeyBinding> seen = new HashMap<>();
        for (KeyBinding b : KeyBinding.values()) {
            KeyBinding other = seen.put(b.combination(), b);
            assertNull(other, b + " and " + other + " both use " + b.combination());
            assertTrue(!b.action().isBlank(), b + " has no action text");
        }
    }
}
