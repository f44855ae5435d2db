package org.notmono.model.engine;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.cli.InputException;

/**
 * The one place where the compute device is decided, for every command and the app.
 *
 * <p>The setting is {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. A {@code --device}
 * flag beats the {@value #VARIABLE} variable, which beats the default {@value #DEFAULT}: the CPU
 * unless the user asks, so a run is reproducible with the bundled offline CPU libtorch.
 * {@code auto} takes the first GPU when the engine sees one and otherwise the CPU (saying so
 * once); asking for a GPU that is not there is bad input (exit 2) naming what was found.
 */
public final class DeviceChoice {
    /** The environment variable that holds the setting when no flag is given. */
    public static final String VARIABLE = "NOTMONO_DEVICE";
    /** The setting when neither the flag nor the variable gives one. */
    public static final String DEFAULT = "cpu";

    private static final AtomicBoolean FALLBACK_SAID = new AtomicBoolean();

    private DeviceChoice() {
    }

    /** What the engine offers: its GPU count and a short description for messages. */
    public record EngineView(int gpus, String description) {
    }

    /**
     * A resolved setting.
     *
     * @param device the device to compute on
     * @param setting the setting as given, in lower case, e.g. {@code gpu:1}
     * @param source where the setting came from: {@code --device}, {@value #VARIABLE} or {@code default}
     * @param fallback non-null when {@code auto} found no GPU: one line saying the CPU is used
     */
    public record Resolution(Device device, String setting, String source, String fallback) {
    }

    /**
     * Resolves {@code flag} (null or blank: not given) and {@code variable} (the value of
     * {@value #VARIABLE}, null or blank: unset) against what {@code engine} reports, asked only
     * when the setting needs it.
     *
     * @throws InputException for a value that is not a device, or a GPU the engine does not see
     */
    public static Resolution resolve(String flag, String variable, Supplier<EngineView> engine) {
        String source;
        String setting;
        if (flag != null && !flag.isBlank()) {
            source = "--device";
            setting = flag.strip().toLowerCase(Locale.ROOT);
        } else if (variable != null && !variable.isBlank()) {
            source = VARIABLE;
            setting = variable.strip().toLowerCase(Locale.ROOT);
        } else {
            source = "default";
            setting = DEFAULT;
        }
        String where = source.equals(VARIABLE) ? VARIABLE + "=" + setting : source + " " + setting;
        if (setting.equals("cpu")) {
            return new Resolution(Device.cpu(), setting, source, null);
        }
        if (setting.equals("auto")) {
            EngineView view = engine.get();
            return view.gpus() > 0
                    ? new Resolution(Device.gpu(0), setting, source, null)
                    : new Resolution(Device.cpu(), setting, source,
                            "device auto: " + view.description() + " sees no GPU; computing on the CPU");
        }
        int index = gpuIndex(setting, where);
        EngineView view = engine.get();
        if (index >= view.gpus()) {
            String found = view.gpus() == 0 ? "sees no GPU"
                    : "sees " + view.gpus() + (view.gpus() == 1 ? " GPU (gpu:0)" : " GPUs (gpu:0 to gpu:" + (view.gpus() - 1) + ")");
            throw new InputException(where + ": " + view.description() + " " + found
                    + "; use cpu or auto, or run with a CUDA build of libtorch 2.7.1 (README, section GPU; 'notmono doctor' shows what is loaded)");
        }
        return new Resolution(Device.gpu(index), setting, source, null);
    }

    /**
     * The device {@value #VARIABLE} picks, for callers without a flag (the app, library code),
     * asking the loaded engine; the first fallback of {@code auto} to the CPU is said once on stderr.
     */
    public static Device fromEnvironment() {
        Resolution r = resolve(null, System.getenv(VARIABLE), DeviceChoice::loadedEngine);
        if (r.fallback() != null && FALLBACK_SAID.compareAndSet(false, true)) {
            System.err.println(r.fallback());
        }
        return r.device();
    }

    /**
     * For reports ({@code notmono doctor}, the About box): the device {@code flag} and
     * {@value #VARIABLE} pick with the loaded engine, or why they cannot; never throws bad input.
     */
    public static Check check(String flag) {
        try {
            return new Check(resolve(flag, System.getenv(VARIABLE), DeviceChoice::loadedEngine), null);
        } catch (InputException e) {
            return new Check(null, e.getMessage());
        }
    }

    /** A resolution, or the one-line reason there is none. */
    public record Check(Resolution resolution, String problem) {
        /** E.g. "cpu() via PyTorch 2.7.1 (setting cpu, from the default)", or the problem. */
        public String line(String engine) {
            return resolution == null ? problem : resolution.device() + " via " + engine + " (" + describe(resolution) + ")";
        }

        /** {@code {"device", "setting", "source", "fallback"}} or {@code {"problem"}}. */
        public ObjectNode toJson() {
            ObjectNode json = new ObjectMapper().createObjectNode();
            if (resolution == null) {
                json.put("problem", problem);
            } else {
                json.put("device", resolution.device().toString());
                json.put("setting", resolution.setting());
                json.put("source", resolution.source());
                json.put("fallback", resolution.fallback());
            }
            return json;
        }
    }

    /** The setting in words for reports, e.g. "setting cpu, from the default" or "setting auto, from NOTMONO_DEVICE; no GPU seen". */
    static String describe(Resolution r) {
        String from = switch (r.source()) {
            case "default" -> "the default";
            case "--device" -> "--device";
            default -> VARIABLE;
        };
        return "setting " + r.setting() + ", from " + from + (r.fallback() != null ? "; no GPU seen" : "");
    }

    /** The default engine's GPU count and a description such as "PyTorch 2.7.1 (CPU build)"; loads the engine. */
    public static EngineView loadedEngine() {
        Engine engine = Engine.getInstance();
        boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
        return new EngineView(engine.getGpuCount(),
                engine.getEngineName() + " " + engine.getVersion() + " (" + (cuda ? "CUDA build" : "CPU build") + ")");
    }

    private static int gpuIndex(String setting, String where) {
        if (setting.equals("gpu")) {
            return 0;
        }
        if (setting.matches("gpu:\\d{1,3}")) {
            return Integer.parseInt(setting.substring(4));
        }
        throw new InputException(where + ": not a device; use auto, cpu, gpu or gpu:N (N counts from 0)");
    }
}
