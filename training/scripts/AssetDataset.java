import java.nio.file.Path;

import org.notmono.sim.dataset.DatasetBuilder;
import org.notmono.sim.dataset.DatasetConfig;
import org.notmono.sim.sources.AssetLibrary;
import org.notmono.task.TerminalProgressBar;

/**
 * Builds a dataset with the simulator's DatasetBuilder over the shipped asset library (the
 * `dataset` command still draws from the built-in test signals). Used for the shipped encoder:
 * java -cp SIM_EDITOR_CLASSPATH training/scripts/AssetDataset.java SEED COUNT DURATION THREADS OUT
 */
public class AssetDataset {
    public static void main(String[] args) throws Exception {
        DatasetConfig config = new DatasetConfig(Long.parseLong(args[0]), Integer.parseInt(args[1]),
                Double.parseDouble(args[2]), DatasetConfig.DEFAULT_SHARD_SIZE);
        try (TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            new DatasetBuilder(config, AssetLibrary.load(), Integer.parseInt(args[3])).build(Path.of(args[4]), bar);
        }
    }
}
