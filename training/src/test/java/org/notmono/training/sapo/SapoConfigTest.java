package org.notmono.training.sapo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.notmono.cli.InputException;

class SapoConfigTest {
    @Test
    void aConfigWrittenBeforeTheAdvantageFloorReadsAsTwnmsZScore() {
        SapoConfig floored = SapoConfig.fromJson(SapoConfig.tiny().toJson().put("advantageStdFloor", 0.5), "new.json");
        assertEquals(0.5, floored.advantageStdFloor());
        ObjectNode old = floored.toJson();
        old.remove("advantageStdFloor");
        assertEquals(0.0, SapoConfig.fromJson(old, "old.json").advantageStdFloor());
    }

    @Test
    void aNegativeAdvantageFloorIsNamed() {
        InputException bad = assertThrows(InputException.class,
                () -> SapoConfig.fromJson(SapoConfig.tiny().toJson().put("advantageStdFloor", -1), "cfg.json"));
        assertEquals("cfg.json: bad stage 4 config: advantageStdFloor must be >= 0", bad.getMessage());
    }
}
