package org.notmono.model.engine;

import ai.djl.engine.Engine;

/**
 * The deep-learning engine's version without loading it. Which device to compute on is
 * {@link DeviceChoice}'s decision; what the engine runs on is {@link EngineReport}.
 */
public final class ComputeDevices {
    private ComputeDevices() {
    }

    /** DJL's version, read without loading the native engine. */
    public static String djlVersion() {
        return Engine.getDjlVersion();
    }
}
