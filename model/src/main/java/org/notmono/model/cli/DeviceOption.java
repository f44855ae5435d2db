package org.notmono.model.cli;

import ai.djl.Device;
import org.notmono.model.engine.DeviceChoice;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Device resolved;

    /**
     * The device to compute on, resolved once; loads the engine when the setting needs to know
     * its GPUs. {@code auto} without a GPU says on the command's stderr that it uses the CPU.
     *
     * @throws org.notmono.cli.InputException for a bad setting or a GPU the engine does not see (exit 2)
     */
    public Device device() {
        if (resolved == null) {
            DeviceChoice.Resolution r = DeviceChoice.resolve(setting, System.getenv(DeviceChoice.VARIABLE), DeviceChoice::loadedEngine);
            if (r.fallback() != null) {
                command.commandLine().getErr().println(r.fallback());
            }
            resolved = r.device();
        }
        return resolved;
    }

    /** The flag as given, or null. */
    public String setting() {
        return setting;
    }
}
