package org.notmono.sim.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.render.ClipLoader;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.render.RtsdBuilder;
import org.notmono.sim.render.SceneRenderer;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.scene.Scene;
import org.notmono.audio.AudioClip;
import org.notmono.task.TaskContext;

/**
 * Writes one shard: every item's WAV and the shard's {@code rtsd.jsonl} go into a hidden
 * temporary folder that is renamed to {@code shard-NNNNN} only when all of it is on disk, so a
 * shard folder is always complete. Shard k depends only on (seed, k).
 */
final class ShardWriter {
    private final DatasetConfig config;
    private final RandomSceneGenerator generator;
    private final ClipLoader clips;

    ShardWriter(DatasetConfig config, RandomSceneGenerator generator, ClipLoader clips) {
        this.config = config;
        this.generator = generator;
        this.clips = clips;
    }

    static String shardName(int shard) {
        return String.format(Locale.ROOT, "shard-%05d", shard);
    }

    static String itemName(long index) {
        return String.format(Locale.ROOT, "%08d.wav", index);
    }

    static Path temporaryFolder(Path root, int shard) {
        return root.resolve("." + shardName(shard) + ".tmp");
    }

    /** @param itemDone called after each item, from this thread */
    void write(Path root, int shard, TaskContext task, Runnable itemDone) throws IOException {
        Path tmp = temporaryFolder(root, shard);
        RenderOutput.deleteRecursively(tmp);
        Files.createDirectories(tmp);
        SceneRenderer renderer = new SceneRenderer(clips);
        RtsdBuilder rtsdBuilder = new RtsdBuilder(clips);
        List<String> lines = new ArrayList<>();
        for (long index = config.firstIndex(shard); index < config.endIndex(shard); index++) {
            task.checkCancelled();
            RandomSceneGenerator.RandomScene drawn = generator.draw(config.seed(), index);
            Scene scene = drawn.scene();
            RenderedScene rendered = renderer.render(scene, TaskContext.none());
            Rtsd rtsd = rtsdBuilder.build(RandomSceneGenerator.id(config.seed(), index), config.seed(), index, scene, rendered,
                    drawn.themeId());
            Wav.write(tmp.resolve(itemName(index)), new AudioClip(scene.sampleRate(), rendered.audio()), SampleEncoding.FLOAT_32);
            lines.add(RtsdJson.line(rtsd));
            itemDone.run();
        }
        Files.write(tmp.resolve("rtsd.jsonl"), lines);
        Files.move(tmp, root.resolve(shardName(shard)), StandardCopyOption.ATOMIC_MOVE);
    }
}
