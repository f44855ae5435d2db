package org.notmono.training.distance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.notmono.cli.InputException;
import org.notmono.sim.random.RandomSceneGenerator;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.DecayAnalysis;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RirRequest;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.RoomSimulator;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.scene.Rtsd;
import org.notmono.sim.scene.RtsdJson;
import org.notmono.sim.scene.SceneException;
import org.notmono.task.TaskContext;

/**
 * How much a source's distance can be told from the direct-to-reverberant ratio (DRR) of its room
 * impulse response: an oracle that reads the RIR itself, which a model only hears convolved with
 * the source. Each source's omnidirectional RIR is recomputed from the scene's RTSD as the random
 * scene generator made it (image sources up to {@link RandomSceneGenerator#order}, Eyring tail),
 * its DRR measured by {@link DecayAnalysis#directToReverberant}, and simple predictors of the
 * distance are scored by 2-fold cross-validation over scenes (fitted on the scenes of even index,
 * scored on the odd ones, and the other way round), so no source is scored by a fit that saw it.
 */
public final class DrrDistanceOracle {
    /** The predictors, in report order. */
    public static final List<String> PREDICTORS = List.of("training_mean", "drr_global", "drr_room", "drr_theory");

    private DrrDistanceOracle() {
    }

    /**
     * One source of a scene.
     *
     * @param criticalDistance the room's critical distance (where direct and diffuse energy are equal, Sabine), metres
     */
    public record SourceDrr(int scene, double distance, double drrDb, double criticalDistance, String roomSize) {
    }

    /** The RIR request a generated scene's source was rendered with, rebuilt from the scene's RTSD. */
    public static RirRequest request(Rtsd rtsd, Rtsd.Source source) {
        double[] d = rtsd.room().size();
        Shoebox room = new Shoebox(d[0], d[1], d[2]);
        Absorption a = rtsd.room().absorption();
        RirOptions options = RirOptions.pyroomacoustics(RandomSceneGenerator.order(room, a)).withTail(TailModel.EYRING);
        return new RirRequest(room, a, source.position(), rtsd.receiver().position(), rtsd.receiver().orientation(),
                rtsd.sampleRate(), options);
    }

    /** The DRR of every source of the first {@code limit} scenes of a dataset folder, in the order {@code SimDataset} reads them. */
    public static List<SourceDrr> measure(Path dataset, int limit, TaskContext task) throws IOException {
        List<Rtsd> scenes = readScenes(dataset, limit);
        List<SourceDrr> out = new ArrayList<>();
        for (int i = 0; i < scenes.size(); i++) {
            task.checkCancelled();
            Rtsd rtsd = scenes.get(i);
            double[] d = rtsd.room().size();
            double criticalDistance = RoomAcoustics.criticalDistance(new Shoebox(d[0], d[1], d[2]), rtsd.room().absorption());
            for (Rtsd.Source s : rtsd.sources()) {
                float[] rir = RoomSimulator.omni(request(rtsd, s));
                out.add(new SourceDrr(i, s.distance(), DecayAnalysis.directToReverberant(rir, rtsd.sampleRate()), criticalDistance,
                        rtsd.room().category()));
            }
            task.progress((i + 1) / (double) scenes.size(), "RIRs of scene " + (i + 1) + " / " + scenes.size());
        }
        return out;
    }

    private static List<Rtsd> readScenes(Path dataset, int limit) throws IOException {
        if (!Files.isRegularFile(dataset.resolve("manifest.json"))) {
            throw new InputException(dataset + " is not a dataset folder (no manifest.json); make one with 'notmono dataset'");
        }
        List<Path> shards;
        try (Stream<Path> s = Files.list(dataset)) {
            shards = s.filter(p -> p.getFileName().toString().matches("shard-\\d{5}") && Files.isDirectory(p)).sorted().toList();
        }
        List<Rtsd> scenes = new ArrayList<>();
        for (Path shard : shards) {
            int line = 0;
            for (String json : Files.readAllLines(shard.resolve("rtsd.jsonl"))) {
                line++;
                if (scenes.size() == limit) {
                    return scenes;
                }
                try {
                    scenes.add(RtsdJson.parse(json));
                } catch (SceneException e) {
                    throw new InputException(shard.resolve("rtsd.jsonl") + ":" + line + ": " + e.getMessage());
                }
            }
        }
        if (scenes.isEmpty()) {
            throw new InputException(dataset + " holds no scenes");
        }
        return scenes;
    }

    /**
     * Every predictor's cross-validated distance of every source (predictor -> one distance per source):
     * {@code training_mean} the mean distance of the other fold; {@code drr_global} {@code ln d} fitted on
     * the DRR alone; {@code drr_room} on the DRR and {@code ln} of the room's critical distance (the room as
     * the RTSD states it); {@code drr_theory} no fit, {@code d = r_c 10^(-DRR / 20)} (direct energy falls as
     * {@code 1/d^2}, the diffuse energy is the same everywhere, and they are equal at the critical distance).
     * Sources with a non-finite DRR are left out.
     */
    public static Map<String, double[]> crossValidate(List<SourceDrr> all) {
        List<SourceDrr> sources = all.stream().filter(s -> Double.isFinite(s.drrDb())).toList();
        Map<String, double[]> predictions = new LinkedHashMap<>();
        PREDICTORS.forEach(p -> predictions.put(p, new double[sources.size()]));
        for (int fold = 0; fold < 2; fold++) {
            int scoredFold = fold;
            List<SourceDrr> fit = sources.stream().filter(s -> s.scene() % 2 != scoredFold).toList();
            double[] fitDistances = fit.stream().mapToDouble(SourceDrr::distance).toArray();
            double mean = Arrays.stream(fitDistances).average().orElseThrow(
                    () -> new InputException("too few scenes to cross-validate: use at least 2 scenes with sources"));
            LogDistanceFit global;
            LogDistanceFit room;
            try {
                global = LogDistanceFit.fit(fit.stream().map(s -> new double[] {s.drrDb()}).toList(), fitDistances);
                room = LogDistanceFit.fit(fit.stream().map(DrrDistanceOracle::roomFeatures).toList(), fitDistances);
            } catch (IllegalArgumentException e) {
                throw new InputException("cannot fit the distance on " + fit.size() + " sources (" + e.getMessage()
                        + "); use more scenes (--limit)");
            }
            for (int i = 0; i < sources.size(); i++) {
                SourceDrr s = sources.get(i);
                if (s.scene() % 2 == scoredFold) {
                    predictions.get("training_mean")[i] = mean;
                    predictions.get("drr_global")[i] = global.predict(new double[] {s.drrDb()});
                    predictions.get("drr_room")[i] = room.predict(roomFeatures(s));
                    predictions.get("drr_theory")[i] = s.criticalDistance() * Math.pow(10, -s.drrDb() / 20);
                }
            }
        }
        return predictions;
    }

    private static double[] roomFeatures(SourceDrr s) {
        return new double[] {s.drrDb(), Math.log(s.criticalDistance())};
    }

    /** The sources {@link #crossValidate} scores (those with a finite DRR), in its order. */
    public static List<SourceDrr> scored(List<SourceDrr> all) {
        return all.stream().filter(s -> Double.isFinite(s.drrDb())).toList();
    }

    /** Mean absolute distance error of {@code predicted} against the sources' distances, over the sources {@code keep} accepts. */
    public static double meanAbsoluteError(List<SourceDrr> sources, double[] predicted, Predicate<SourceDrr> keep) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < sources.size(); i++) {
            if (keep.test(sources.get(i))) {
                sum += Math.abs(predicted[i] - sources.get(i).distance());
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
