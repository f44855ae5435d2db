package org.notmono.training.stage1;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.notmono.sim.render.RenderOutput;
import org.notmono.task.TaskContext;

/**
 * Stage 1's data on eight scenes the simulator renders once for a test class (before its first
 * test, into a temporary folder deleted after its last): register it as a static field with
 * {@code @RegisterExtension} and read {@link #data()} in the tests.
 */
final class RenderedStage1Data implements BeforeAllCallback, AfterAllCallback {
    private final long seed;
    private Path folder;
    private Stage1Data data;

    /** @param seed the dataset's seed: which eight scenes */
    RenderedStage1Data(long seed) {
        this.seed = seed;
    }

    /** The rendered scenes as Stage 1's data (training split only). */
    Stage1Data data() {
        return data;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("stage1-data");
        Path dataset = TinyDatasets.build(folder.resolve("train"), seed, 8);
        data = Stage1Data.open(TinyDatasets.config(1, 1), new Stage1Inputs(List.of(dataset), null, null, null),
                TinyDatasets.VOCABULARY, TinyDatasets.vocabulary(), TaskContext.none());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        RenderOutput.deleteRecursively(folder);
    }
}
