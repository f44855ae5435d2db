package org.notmono.model.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.notmono.cli.InputException;
import org.notmono.model.lalm.ShippedLalm;
import picocli.CommandLine.Option;

/**
 * The {@code --checkpoint DIR} option of the commands that run a LALM, defaulting to the shipped
 * {@code lalm-tiny}: add {@code @Mixin LalmCheckpointOption checkpoint;} and call {@link #folder()}.
 */
public final class LalmCheckpointOption {

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "a LALM checkpoint folder (default: the shipped lalm-tiny)")
    Path given;

    /** True when {@code --checkpoint} was given. */
    public boolean isGiven() {
        return given != null;
    }

    /**
     * The given folder, or the shipped {@code lalm-tiny} extracted from the assets.
     *
     * @throws InputException when the folder does not exist or no LALM ships (exit 2)
     */
    public Path folder() throws IOException {
        if (given == null) {
            return ShippedLalm.extract().orElseThrow(() -> new InputException(
                    "no shipped LALM in the assets (assets/checkpoints/lalm-tiny/ is missing): pass --checkpoint DIR"));
        }
        if (!Files.isDirectory(given)) {
            throw new InputException(given + ": no such checkpoint folder");
        }
        return given;
    }
}
