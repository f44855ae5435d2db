package org.notmono.training.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.notmono.cli.InputException;

/** Engine threads and device choice shared by the training commands. */
final class EngineSetup {
    private EngineSetup() {
    }

    /** Sets PyTorch's intra-op threads; must run before the engine loads. */
    static void threads(int intraOp) {
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOp));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** {@code auto} (a GPU when DJL finds one), {@code cpu} or {@code gpu}. */
    static Device device(String choice) {
        Engine engine = Engine.getInstance();
        return switch (choice) {
            case "auto" -> engine.defaultDevice();
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (engine.getGpuCount() == 0) {
                    throw new InputException("--device gpu: " + engine.getEngineName() + " finds no GPU here");
                }
                yield Device.gpu();
            }
            default -> throw new InputException("--device must be auto, cpu or gpu, got " + choice);
        };
    }
}
