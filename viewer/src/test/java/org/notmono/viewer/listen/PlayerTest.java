package org.notmono.viewer.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.notmono.audio.AudioClip;

/** Plays on whatever device there is (a null ALSA device in the test environment), or says why it cannot. */
class PlayerTest {

    @Test
    void playsToTheEndOrExplainsWhyItCannot() throws Exception {
        AudioClip clip = new AudioClip(16000, new float[2][1600]);
        try (Player player = new Player(clip)) {
            try {
                player.play(0.05);
            } catch (Player.PlaybackException e) {
                assertTrue(e.getMessage().startsWith("cannot play sound here"), e.getMessage());
                return;
            }
            for (int i = 0; i < 100 && player.isPlaying(); i++) {
                Thread.sleep(20);
            }
            assertFalse(player.isPlaying(), "a 0.1 s clip ends");
            player.pause();
            assertEquals(0.1, player.position(), 0.02);
        }
    }

    @Test
    void refusesMoreThanTwoChannels() {
        assertThrows(IllegalArgumentException.class, () -> new Player(new AudioClip(16000, new float[4][10])));
    }
}
