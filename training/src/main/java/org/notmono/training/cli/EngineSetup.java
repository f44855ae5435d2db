package org.notmono.training.cli;

/** Engine threads shared by the training commands; the device is {@code DeviceOption}'s. */
final class EngineSetup {
    private EngineSetup() {
    }

    /** Sets PyTorch's intra-op threads; must run before the engine loads. */
    static void threads(int intraOp) {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOp));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
}
