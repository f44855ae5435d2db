package org.notmono.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.notmono.cli.InputException;

/** Device resolution for every combination of flag, variable and what the engine reports (injected). */
class DeviceChoiceTest {
    private static final List<String> GIVEN = Arrays.asList(null, "", "  ", "cpu", "auto", "gpu", "gpu:1", "GPU:0", "tpu");
    private static final String CPU = "cpu()";

    private static Supplier<DeviceChoice.EngineView> engine(int gpus, AtomicInteger asked) {
        return () -> {
            asked.incrementAndGet();
            return new DeviceChoice.EngineView(gpus, "PyTorch 2.7.1 (" + (gpus > 0 ? "CUDA" : "CPU") + " build)");
        };
    }

    /** What a setting means with {@code gpus} GPUs: a device name, "error", and whether auto fell back. */
    @ParameterizedTest(name = "{0} with {1} GPUs -> {2}")
    @CsvSource({
        "cpu,    0, cpu(),  false",
        "cpu,    1, cpu(),  false",
        "cpu,    2, cpu(),  false",
        "auto,   0, cpu(),  true",
        "auto,   1, gpu(0), false",
        "auto,   2, gpu(0), false",
        "gpu,    0, error,  false",
        "gpu,    1, gpu(0), false",
        "gpu,    2, gpu(0), false",
        "gpu:1,  0, error,  false",
        "gpu:1,  1, error,  false",
        "gpu:1,  2, gpu(1), false",
        "GPU:0,  1, gpu(0), false",
        "tpu,    0, error,  false",
        "tpu,    2, error,  false",
    })
    void aSettingMeansWhatTheEngineAllows(String setting, int gpus, String expected, boolean fellBack) {
        for (boolean asFlag : new boolean[] {true, false}) {
            String flag = asFlag ? setting : null;
            String variable = asFlag ? null : setting;
            if (expected.equals("error")) {
                InputException e = assertThrows(InputException.class,
                        () -> DeviceChoice.resolve(flag, variable, engine(gpus, new AtomicInteger())));
                assertEquals(1, e.getMessage().lines().count(), e.getMessage());
                assertTrue(e.getMessage().startsWith(asFlag ? "--device " : "NOTMONO_DEVICE="), e.getMessage());
            } else {
                DeviceChoice.Resolution r = DeviceChoice.resolve(flag, variable, engine(gpus, new AtomicInteger()));
                assertEquals(expected, r.device().toString());
                assertEquals(asFlag ? "--device" : "NOTMONO_DEVICE", r.source());
                assertEquals(fellBack, r.fallback() != null, String.valueOf(r.fallback()));
            }
        }
    }

    /** The flag beats the variable, which beats the CPU default; blank counts as not given. */
    @Test
    void theFlagBeatsTheVariableWhichBeatsTheDefault() {
        for (String flag : GIVEN) {
            for (String variable : GIVEN) {
                for (int gpus = 0; gpus <= 2; gpus++) {
                    boolean flagGiven = flag != null && !flag.isBlank();
                    boolean variableGiven = variable != null && !variable.isBlank();
                    String effective = flagGiven ? flag : variableGiven ? variable : "cpu";
                    String source = flagGiven ? "--device" : variableGiven ? "NOTMONO_DEVICE" : "default";
                    Object alone = flagGiven ? outcome(flag, null, gpus) : outcome(null, variableGiven ? variable : null, gpus);
                    Object both = outcome(flag, variable, gpus);
                    assertEquals(alone, both, "flag " + flag + ", variable " + variable + ", " + gpus + " GPUs");
                    if (both instanceof DeviceChoice.Resolution r) {
                        assertEquals(source, r.source());
                        assertEquals(effective.strip().toLowerCase(), r.setting());
                    }
                }
            }
        }
    }

    @Test
    void theDefaultIsTheCpuAndAsksTheEngineNothing() {
        AtomicInteger asked = new AtomicInteger();
        DeviceChoice.Resolution r = DeviceChoice.resolve(null, null, engine(2, asked));
        assertEquals(Device.cpu(), r.device());
        assertEquals("default", r.source());
        assertNull(r.fallback());
        DeviceChoice.resolve("cpu", "gpu", engine(0, asked));
        assertEquals(0, asked.get(), "cpu needs no engine");
        assertThrows(InputException.class, () -> DeviceChoice.resolve("gpu:x", null, engine(0, asked)));
        assertEquals(0, asked.get(), "a malformed setting is refused before the engine loads");
    }

    @Test
    void aMissingGpuSaysWhatWasFoundAndWhatToDo() {
        InputException none = assertThrows(InputException.class, () -> DeviceChoice.resolve("gpu", null, engine(0, new AtomicInteger())));
        assertEquals("--device gpu: PyTorch 2.7.1 (CPU build) sees no GPU; use cpu or auto, or run with a CUDA build of libtorch 2.7.1"
                + " (README, section GPU; 'notmono doctor' shows what is loaded)", none.getMessage());
        InputException one = assertThrows(InputException.class, () -> DeviceChoice.resolve(null, "gpu:1", engine(1, new AtomicInteger())));
        assertTrue(one.getMessage().startsWith("NOTMONO_DEVICE=gpu:1: PyTorch 2.7.1 (CUDA build) sees 1 GPU (gpu:0);"), one.getMessage());
        InputException three = assertThrows(InputException.class, () -> DeviceChoice.resolve("gpu:3", null, engine(2, new AtomicInteger())));
        assertTrue(three.getMessage().contains("sees 2 GPUs (gpu:0 to gpu:1)"), three.getMessage());
        InputException bad = assertThrows(InputException.class, () -> DeviceChoice.resolve(null, "tpu", engine(0, new AtomicInteger())));
        assertEquals("NOTMONO_DEVICE=tpu: not a device; use auto, cpu, gpu or gpu:N (N counts from 0)", bad.getMessage());
    }

    @Test
    void autoWithoutAGpuSaysItUsesTheCpu() {
        DeviceChoice.Resolution r = DeviceChoice.resolve("auto", null, engine(0, new AtomicInteger()));
        assertEquals(CPU, r.device().toString());
        assertNotNull(r.fallback());
        assertEquals("device auto: PyTorch 2.7.1 (CPU build) sees no GPU; computing on the CPU", r.fallback());
        assertFalse(r.fallback().contains("\n"));
    }

    @Test
    void theLoadedEngineOnThisMachineSeesNoGpu() {
        DeviceChoice.EngineView view = DeviceChoice.loadedEngine();
        assertEquals(0, view.gpus());
        assertEquals("PyTorch 2.7.1 (CPU build)", view.description());
    }

    /** A resolution, or the message of the refusal. */
    private static Object outcome(String flag, String variable, int gpus) {
        try {
            return DeviceChoice.resolve(flag, variable, engine(gpus, new AtomicInteger()));
        } catch (InputException e) {
            return e.getMessage();
        }
    }
}
