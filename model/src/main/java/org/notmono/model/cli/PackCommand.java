package org.notmono.model.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.notmono.cli.InputException;
import org.notmono.model.lalm.LalmCheckpoint;
import org.notmono.model.lalm.LalmPack;
import org.notmono.model.safetensors.SafeTensorType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code notmono pack CHECKPOINT -o DIR [--dtype F16|BF16|F32]}: a LALM checkpoint made small for shipping. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = {"Copy a LALM checkpoint for shipping, its LoRA adapters merged into the decoder.",
            "Decoder weights are stored as float16 (half the size; loading widens them to float32).",
            "The copy is loaded once before it is kept."})
public class PackCommand implements Callable<Integer> {
    /** The storage types offered; F32 only merges the adapters. */
    public enum Storage {
        F16, BF16, F32
    }

    @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "a LALM checkpoint folder (runs/stageN-*/checkpoints/step-N)")
    Path checkpoint;

    @Option(names = "-o", required = true, paramLabel = "DIR", description = "the new folder to write")
    Path out;

    @Option(names = "--dtype", paramLabel = "F16|BF16|F32", description = "how the decoder's weights are stored (default F16)")
    Storage dtype = Storage.F16;

    @Override
    public Integer call() throws IOException {
        if (!LalmCheckpoint.isCheckpoint(checkpoint)) {
            throw new InputException(checkpoint + " is not a LALM checkpoint (no model.json and lm.safetensors)");
        }
        try {
            LalmPack.pack(checkpoint, out, SafeTensorType.valueOf(dtype.name()));
        } catch (IOException e) {
            throw new InputException(e.getMessage(), e);
        }
        System.out.println(out + ": " + checkpoint + " packed, decoder weights as " + dtype);
        return 0;
    }
}
