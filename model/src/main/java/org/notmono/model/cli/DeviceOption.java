package org.notmono.model.cli;

import ai.djl.Device;
import org.notmono.model.engine.DeviceChoice;
import picocli.CommandLine.Option;

/**
 * The {@code --device auto|cpu|gpu[:N]} option, for any command that computes with the
 * engine: add {@code @Mixin DeviceOption device;} and call {@link #device()}. The flag beats
 * {@code NOTMONO_DEVICE}, which beats the CPU default ({@link DeviceChoice}).
 */
public final class DeviceOption {

    @Option(names = "--device", paramLabel = "auto|cpu|gpu[:N]",
            description = "where to compute: cpu, the first GPU (gpu), GPU N (gpu:N), or auto (a GPU when the engine sees one); "
                    + "default: $NOTMONO_DEVICE, else cpu")
    String setting;

    /** The device to compute on; loads the engine when the setting needs to know its GPUs. */
    public Device device() {
        return DeviceChoice.fromEnvironment(setting);
    }

    /** The flag as given, or null. */
    public String setting() {
        return setting;
    }
}
