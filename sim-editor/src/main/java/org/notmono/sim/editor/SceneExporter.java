package org.notmono.sim.editor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.notmono.BuildInfo;
import org.notmono.audio.AudioClip;
import org.notmono.audio.Levels;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.sim.dataset.DatasetBuilder;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.render.RenderedScene;
import org.notmono.sim.scene.AssetsFingerprint;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.scene.SceneJson;

/** Writes a rendered scene in the formats the workbench exchanges; every file complete or not at all. */
public final class SceneExporter {
    public static final String GENERATOR = "notmono-editor/1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SceneExporter() {
    }

    /** A render and the ground truth that goes with it. */
    public record Rendered(SceneRenderCache.Result result, Rtsd rtsd) {
        int sampleRate() {
            return result.scene().sampleRate();
        }

        RenderedScene audio() {
            return result.audio();
        }
    }

    /**
     * The 4-channel FOA WAV (ambiX, or FuMa W X Y Z with W / sqrt 2) at the chosen level, and
     * {@code NAME.rtsd.json} beside it.
     */
    public static void foa(Rendered r, Path wav, boolean fuma, Levels.Normalisation level) throws IOException {
        float[][] leveled = level.apply(r.audio().audio());
        float[][] audio = fuma ? toFuma(leveled) : leveled;
        RenderedScene out = new RenderedScene(audio, r.audio().sources(), r.audio().measuredRt60());
        RenderOutput.write(wav, out, r.rtsd(), r.sampleRate(), SampleEncoding.FLOAT_32);
    }

    /** ambiX (W, Y, Z, X; SN3D) to FuMa (W / sqrt 2, X, Y, Z). */
    static float[][] toFuma(float[][] ambix) {
        float[] w = ambix[0].clone();
        float scale = (float) (1 / Math.sqrt(2));
        for (int i = 0; i < w.length; i++) {
            w[i] *= scale;
        }
        return new float[][] {w, ambix[3], ambix[1], ambix[2]};
    }

    public static void binaural(Rendered r, BinauralDecoder decoder, double headYawDeg, Path wav, Levels.Normalisation level)
            throws IOException {
        float[][] ears = level.apply(decoder.decode(r.audio().audio(), r.sampleRate(), headYawDeg));
        Wav.write(wav, new AudioClip(r.sampleRate(), ears), SampleEncoding.FLOAT_32);
    }

    public static void rtsd(Rendered r, Path json) throws IOException {
        RenderOutput.writeAtomically(json, RtsdJson.pretty(r.rtsd()));
    }

    /**
     * The scene as a one-item dataset in the dataset layout ({@code manifest.json},
     * {@code shard-00000/00000000.wav} and its {@code rtsd.jsonl}), plus the scene file that made it.
     * The shard folder is written under a temporary name and renamed when complete.
     */
    public static void datasetItem(Rendered r, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (var entries = Files.list(folder)) {
            if (entries.findAny().isPresent()) {
                throw new IOException(folder + " is not empty; choose an empty or new folder for the dataset item");
            }
        }
        Path tmp = folder.resolve(".shard-00000.tmp");
        Files.createDirectories(tmp);
        Wav.write(tmp.resolve("00000000.wav"), new AudioClip(r.sampleRate(), r.audio().audio()), SampleEncoding.FLOAT_32);
        // the dataset layout names a clip by its scene's index (ClipTruth, the training readers): this one is scene 0
        Files.writeString(tmp.resolve("rtsd.jsonl"), RtsdJson.line(r.rtsd().withIndex(0)) + "\n");
        Files.move(tmp, folder.resolve("shard-00000"));
        RenderOutput.writeAtomically(folder.resolve("item.scene.json"), SceneJson.write(r.result().scene()));
        ObjectNode m = MAPPER.createObjectNode();
        m.put("format", DatasetBuilder.FORMAT);
        m.put("generator", GENERATOR);
        m.put("commit", BuildInfo.gitCommit());
        m.put("assets", AssetsFingerprint.sha256());
        m.putNull("seed");
        m.putObject("config").put("scene", "item.scene.json").put("sampleRate", r.sampleRate())
                .put("duration", r.result().scene().duration());
        m.put("complete", true);
        m.putObject("counts").put("items", 1).put("shards", 1);
        RenderOutput.writeAtomically(folder.resolve("manifest.json"), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
    }
}
