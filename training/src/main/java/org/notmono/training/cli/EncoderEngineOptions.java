package org.notmono.training.cli;

import ai.djl.Device;
import org.notmono.model.cli.DeviceOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The engine options of the eval commands that run an encoder, {@code --threads T} (default 2) and
 * {@code --device}: add {@code @Mixin EncoderEngineOptions engine;}.
 */
final class EncoderEngineOptions {
    /** Intra-op threads for the engine ({@link EngineSetup#threads}), and the DSP's workers where a command runs it. */
    @Option(names = "--threads", defaultValue = "2", paramLabel = "T")
    int threads;

    @Mixin
    DeviceOption device;

    /** The {@code --device} to compute on ({@link DeviceOption#device()}). */
    Device device() {
        return device.device();
    }
}
