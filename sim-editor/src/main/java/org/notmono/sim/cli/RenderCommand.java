package org.notmono.sim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.notmono.audio.AudioFileException;
import org.notmono.audio.Levels;
import org.notmono.audio.SampleEncoding;
import org.notmono.cli.InputException;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.scene.Scene;
import org.notmono.sim.scene.SceneJson;
import org.notmono.sim.sources.ClipLibraries;
import org.notmono.task.TerminalProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code notmono render SCENE -o OUT.wav}: the 4-channel FOA mix and {@code OUT.rtsd.json}. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a *.scene.json to a 4-channel FOA WAV and its RTSD (OUT.rtsd.json beside it).")
public class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENE", description = "the scene file")
    Path scene;

    @Option(names = "-o", required = true, paramLabel = "OUT.wav", description = "output WAV")
    Path out;

    @Option(names = "--encoding", defaultValue = "FLOAT_32", paramLabel = "PCM_16|PCM_24|PCM_32|FLOAT_32",
            description = "WAV sample encoding (default ${DEFAULT-VALUE})")
    SampleEncoding encoding;

    @Spec
    CommandSpec spec;

    @Option(names = "--normalise", defaultValue = "none", paramLabel = "none|peak|loudness",
            description = "level of the written mix: as rendered (default), loudest sample at -1 dBFS,"
                    + " or the W channel's RMS at -23 dBFS (unweighted); the RTSD keeps the scene's gains")
    String normalise;

    @Override
    public Integer call() throws IOException {
        Levels.Normalisation level;
        try {
            level = Levels.Normalisation.fromId(normalise);
        } catch (IllegalArgumentException e) {
            throw new InputException("--normalise: " + e.getMessage());
        }
        Scene s = SceneJson.read(scene);
        RenderOutput.checkWritable(out);
        Path folder = scene.toAbsolutePath().getParent();
        ClipLoader clips = new ClipLoader(ClipLibraries.resolvable(), folder);
        RenderedScene rendered;
        try (TerminalProgressBar bar = TerminalProgressBar.onStderr()) {
            rendered = new SceneRenderer(clips).render(s, bar);
        } catch (AudioFileException e) {
            throw new InputException("cannot use a clip of " + scene + ": " + e.getMessage(), e);
        }
        String id = out.getFileName().toString().replaceFirst("(?i)\\.wav$", "");
        Rtsd rtsd = new RtsdBuilder(clips).build(id, null, null, s, rendered);
        RenderedScene written = new RenderedScene(level.apply(rendered.audio()), rendered.sources(), rendered.measuredRt60());
        double peak = Levels.peakDb(written.audio());
        if (peak > 0) {
            spec.commandLine().getErr().println("warning: the mix peaks at " + Levels.formatDb(peak) + " and clips as PCM or when played;"
                    + " lower the sources' gains or pass --normalise peak");
        }
        RenderOutput.write(out, written, rtsd, s.sampleRate(), encoding);
        System.out.printf(Locale.ROOT, "%s: 4 channels, %.2f s at %d Hz; %s%n", out, s.duration(), s.sampleRate(),
                RtsdJson.besides(out).getFileName());
        return 0;
    }
}
