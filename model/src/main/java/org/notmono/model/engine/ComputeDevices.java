package org.notmono.model.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * The deep-learning engine and the device it computes on. DJL picks a GPU when it finds one
 * and the CPU otherwise; loading the engine extracts the bundled PyTorch library (no download).
 */
public final class ComputeDevices {
    private ComputeDevices() {
    }

    /** DJL's version, read without loading the native engine. */
    public static String djlVersion() {
        return Engine.getDjlVersion();
    }

    /** The default device of the default engine, e.g. "cpu() via PyTorch 2.7.1 (0 GPUs)". Loads the engine. */
    public static String describeDefault() {
        Engine engine = Engine.getInstance();
        Device device = engine.defaultDevice();
        return device + " via " + engine.getEngineName() + " " + engine.getVersion() + " (" + engine.getGpuCount() + " GPUs)";
    }
}
