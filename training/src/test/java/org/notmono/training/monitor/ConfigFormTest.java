package org.notmono.training.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.notmono.model.chat.OptionChoice;
import org.notmono.training.asa.LalmAnswerer;
import org.notmono.training.curriculum.CurriculumConfig;
import org.notmono.training.sapo.SapoConfig;
import org.notmono.training.stage1.Stage1Config;

class ConfigFormTest {
    private final StageSpec stage1 = StageCatalog.byId("stage1");

    private Map<String, String> texts(ConfigForm form) {
        Map<String, String> t = new LinkedHashMap<>();
        stage1.fields().forEach(f -> t.put(f.pointer(), form.initialText(f)));
        return t;
    }

    @Test
    void everyPresetIsValidAndRoundTripsToTheStagesConfig() throws Exception {
        for (String preset : stage1.presets()) {
            ConfigForm form = new ConfigForm(stage1, preset);
            Map<String, String> t = texts(form);
            assertEquals(Map.of(), form.errors(t), preset);
            assertEquals(Stage1Config.resolve(preset), Stage1Config.fromJson(form.toJson(t), preset), preset);
        }
    }

    @Test
    void theLanguageStagesPresetsRoundTripAndEveryNumberOfTheirBlocksIsAField() throws Exception {
        for (String id : List.of("stage0", "stage2", "stage3", "stage4", "curriculum")) {
            StageSpec spec = StageCatalog.byId(id);
            for (String preset : spec.presets()) {
                ConfigForm form = new ConfigForm(spec, preset);
                Map<String, String> t = new LinkedHashMap<>();
                spec.fields().forEach(f -> t.put(f.pointer(), form.initialText(f)));
                assertEquals(Map.of(), form.errors(t), id + " " + preset);
                assertFalse(form.edited(t), id + " " + preset);
                if (id.equals("stage4")) {
                    assertEquals(SapoConfig.resolve(preset), SapoConfig.fromJson(form.toJson(t), preset), preset);
                } else {
                    assertEquals(CurriculumConfig.resolve(preset), CurriculumConfig.fromJson(form.toJson(t), preset), id);
                }
            }
        }
        // the numbers of Stage 0's blocks, counted from the shipped JSON: 9 settings (length buckets and world knowledge included),
        // threads, 9 decoder, 2 projector
        assertEquals(9 + 1 + 9 + 2, StageCatalog.byId("stage0").fields().size());
        // Stage 4: the 25 numbers of SapoConfig and its 6 reward weights
        assertEquals(25 + 6, StageCatalog.byId("stage4").fields().size());
    }

    @Test
    void fieldsAreCheckedForNumberWholeNumberAndRange() {
        ConfigForm form = new ConfigForm(stage1, "tiny");
        Map<String, String> t = texts(form);
        t.put("/training/epochs", "0");
        t.put("/training/batchSize", "4.5");
        t.put("/training/learningRate", "fast");
        t.put("/training/seed", "100000");
        Map<String, String> e = form.errors(t);
        assertEquals("Epochs: 0 is outside 1 to 10000 epochs", e.get("/training/epochs"));
        assertEquals("Batch size: a whole number, not 4.5", e.get("/training/batchSize"));
        assertEquals("Peak learning rate: 'fast' is not a number", e.get("/training/learningRate"));
        assertEquals("Seed: 100000 is outside 0 to 99999", e.get("/training/seed"));
        assertEquals(4, e.size());
        t.put("/training/epochs", " ");
        assertTrue(form.errors(t).get("/training/epochs").startsWith("Epochs: enter a value"));
    }

    @Test
    void theStagesOwnRulesCheckTheWholeConfig() {
        ConfigForm form = new ConfigForm(stage1, "tiny");
        Map<String, String> t = texts(form);
        t.put("/encoder/heads", "3"); // hidden 32 does not divide into 3 heads
        Map<String, String> e = form.errors(t);
        assertEquals(1, e.size());
        assertTrue(e.get("").contains("must divide into"), e.toString());
    }

    @Test
    void theLaunchCommandIsWhatAUserWouldType() {
        List<String> args = stage1.launchArgs("/r/.configs/c.json", Map.of("--data", "/d/train", "--val", " "), "cpu",
                Path.of("/r"));
        List<String> expected = new java.util.ArrayList<>(List.of("train", "stage1", "--config", "/r/.configs/c.json", "--data", "/d/train"));
        if (stage1.deviceOption()) {
            expected.addAll(List.of("--device", "cpu"));
        }
        expected.addAll(List.of("-o", "/r"));
        assertEquals(expected, args);
        assertTrue(stage1.deviceOption(), "train stage1 takes --device today");
        assertEquals(List.of("train", "stage1", "--config", "c", "--device", "auto", "-o", "r"),
                stage1.launchArgs("c", Map.of(), "auto", Path.of("r")), "auto is passed on: the command's auto, not its default");
        assertEquals("notmono train stage1 --data '/my data' -o r", NotMonoCli.display(List.of("train", "stage1", "--data", "/my data", "-o", "r")));
        assertEquals(List.of("eval", "encoder", "--checkpoint", "/r/x/checkpoints/step-5", "--data", "/held", "--json"),
                stage1.evalArgs(Path.of("/r/x/checkpoints/step-5"), Path.of("/held"), Path.of("/r/.evals/x"), LalmAnswerer.LALM,
                        OptionChoice.LIKELIEST));
    }
}
