package org.notmono.training.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Progress read from a child's stderr as TerminalProgressBar and ProgressLog print it. */
class ChildProgressTest {
    @Test
    void theLastProgressLineWinsWhetherRedrawnOrLogged() {
        String logged = "loading the checkpoint\n[######                        ]  20.0% 4:00 left  item 18 of 90\n"
                + "[############                  ]  40.0% 3:00 left  item 36 of 90\n";
        ChildProgress p = ChildProgress.parse(logged);
        assertEquals(0.4, p.fraction(), 1e-12);
        assertEquals("3:00 left  item 36 of 90", p.message());

        String redrawn = "\r[###                           ]  10.0% 0:09 left  scenes\u001b[K\r[##############################] 100.0%  scenes\u001b[K";
        assertEquals(1.0, ChildProgress.parse(redrawn).fraction(), 1e-12);
        assertEquals("scenes", ChildProgress.parse(redrawn).message());
    }

    @Test
    void noProgressLineIsUnknownProgress() {
        assertTrue(Double.isNaN(ChildProgress.parse("warning: something\n").fraction()));
        assertTrue(Double.isNaN(ChildProgress.parse("[                              ]    ?%  starting").fraction()));
        assertEquals("", ChildProgress.parse("").message());
    }
}
