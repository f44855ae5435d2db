package org.notmono.sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.notmono.cli.InputException;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.scene.SceneJson;
import org.notmono.sim.sources.ClipLibraries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notmono scene random --seed S --index I -o FILE.scene.json}. */
@Command(name = "random", mixinStandardHelpOptions = true,
        description = "Write the random TWNM scene number I of seed S (the same bytes every time).")
public class RandomSceneCommand implements Callable<Integer> {

    @Option(names = "--seed", required = true, paramLabel = "S")
    long seed;

    @Option(names = "--index", required = true, paramLabel = "I")
    long index;

    @Option(names = "--duration", defaultValue = "4.0", paramLabel = "SEC", description = "scene length (default ${DEFAULT-VALUE})")
    double duration;

    @Option(names = "-o", required = true, paramLabel = "FILE.scene.json")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (index < 0) {
            throw new InputException("--index must be >= 0, got " + index);
        }
        if (!(duration > 0) || duration > SceneJson.MAX_DURATION) {
            throw new InputException("--duration must be in (0, " + (int) SceneJson.MAX_DURATION + "] seconds, got " + duration);
        }
        RenderOutput.checkWritable(out);
        RandomSceneGenerator generator = new RandomSceneGenerator(ClipLibraries.standard(), duration);
        RenderOutput.writeAtomically(out, SceneJson.write(generator.generate(seed, index)));
        System.out.println(out + ": scene " + RandomSceneGenerator.id(seed, index));
        return 0;
    }
}
