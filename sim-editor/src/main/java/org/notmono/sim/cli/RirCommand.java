package org.notmono.sim.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.notmono.audio.AudioClip;
import org.notmono.audio.SampleEncoding;
import org.notmono.audio.Wav;
import org.notmono.cli.InputException;
import org.notmono.io.AtomicFile;
import org.notmono.sim.render.RenderOutput;
import org.notmono.sim.room.Absorption;
import org.notmono.sim.room.DecayAnalysis;
import org.notmono.sim.room.Orientation;
import org.notmono.sim.room.Point3;
import org.notmono.sim.room.RirOptions;
import org.notmono.sim.room.RirRequest;
import org.notmono.sim.room.RoomAcoustics;
import org.notmono.sim.room.RoomSimulator;
import org.notmono.sim.room.Shoebox;
import org.notmono.sim.room.TailModel;
import org.notmono.sim.scene.SceneValidator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code notmono rir}: one FOA room impulse response to a WAV or raw float32 file. */
@Command(name = "rir", mixinStandardHelpOptions = true,
        description = "Compute the FOA (ambiX W,Y,Z,X, SN3D) room impulse response of a shoebox room.")
public class RirCommand implements Callable<Integer> {

    @Option(names = "--room", required = true, paramLabel = "X,Y,Z", description = "room size in metres")
    String room;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Walls walls;

    static class Walls {
        @Option(names = "--absorption", paramLabel = "A", description = "energy absorption of every wall, in (0, 1]")
        Double absorption;

        @Option(names = "--rt60", paramLabel = "T", description = "target RT60 in seconds (inverse Sabine)")
        Double rt60;
    }

    @Option(names = "--source", required = true, paramLabel = "X,Y,Z", description = "source position in metres")
    String source;

    @Option(names = "--receiver", required = true, paramLabel = "X,Y,Z", description = "receiver position in metres")
    String receiver;

    @Option(names = {"--yaw"}, defaultValue = "0", description = "receiver yaw in degrees (default ${DEFAULT-VALUE})")
    double yaw;

    @Option(names = {"--pitch"}, defaultValue = "0", description = "receiver pitch in degrees (default ${DEFAULT-VALUE})")
    double pitch;

    @Option(names = {"--roll"}, defaultValue = "0", description = "receiver roll in degrees (default ${DEFAULT-VALUE})")
    double roll;

    @Option(names = "--fs", defaultValue = "16000", paramLabel = "HZ", description = "sample rate (default ${DEFAULT-VALUE})")
    int fs;

    @Option(names = "--order", defaultValue = "17", paramLabel = "N", description = "image-source order (default ${DEFAULT-VALUE})")
    int order;

    @Option(names = "--tail", defaultValue = "none", paramLabel = "none|sabine|eyring", description = "diffuse late tail (default ${DEFAULT-VALUE})")
    String tail;

    @Option(names = "--hpf", description = "pyroomacoustics' 10 Hz high-pass")
    boolean highPass;

    @Option(names = "--air", description = "air absorption in octave bands, like pyroomacoustics")
    boolean air;

    @Option(names = "--four-pi", description = "divide by 4 pi (free-field Green's function)")
    boolean fourPi;

    @Option(names = "--format", paramLabel = "wav|f32", description = "output format (default: from the file name, else wav)")
    String format;

    @Option(names = "-o", required = true, paramLabel = "FILE", description = "output file")
    Path out;

    @Override
    public Integer call() throws IOException {
        RirRequest req = request();
        String fmt = format != null ? format : out.toString().endsWith(".f32") ? "f32" : "wav";
        if (!fmt.equals("wav") && !fmt.equals("f32")) {
            throw new InputException("--format must be wav or f32, got '" + fmt + "'");
        }
        RenderOutput.checkWritable(out);
        long start = System.nanoTime();
        float[][] rir = RoomSimulator.foa(req);
        double ms = (System.nanoTime() - start) / 1e6;
        if (fmt.equals("wav")) {
            Wav.write(out, new AudioClip(fs, rir), SampleEncoding.FLOAT_32);
        } else {
            writeF32(out, rir);
        }
        System.out.printf(Locale.ROOT, "%s: 4 x %d samples at %d Hz, order %d, %.1f ms%n", out, rir[0].length, fs, order, ms);
        TailModel model = req.options().tail();
        if (model != TailModel.NONE) {
            double target = req.targetRt60();
            double measured = DecayAnalysis.t30(rir[0], fs);
            System.out.printf(Locale.ROOT, "tail: target RT60 %.3f s (%s), measured T30 %.3f s (%+.1f %%)%n",
                    target, model.id(), measured, 100 * (measured / target - 1));
        }
        return 0;
    }

    RirRequest request() {
        Point3 size = Triple.parse("--room", room);
        Shoebox box;
        try {
            box = new Shoebox(size.x(), size.y(), size.z());
        } catch (IllegalArgumentException e) {
            throw new InputException("--room: " + e.getMessage());
        }
        Absorption absorption;
        try {
            absorption = Absorption.uniform(walls.absorption != null ? walls.absorption
                    : RoomAcoustics.inverseSabine(walls.rt60, box, RirOptions.SPEED_OF_SOUND));
        } catch (IllegalArgumentException e) {
            throw new InputException((walls.absorption != null ? "--absorption: " : "--rt60: ") + e.getMessage());
        }
        Point3 src = Triple.parse("--source", source);
        Point3 rcv = Triple.parse("--receiver", receiver);
        checkInside(box, src, "--source");
        checkInside(box, rcv, "--receiver");
        if (fs < 1000 || fs > 384000) {
            throw new InputException("--fs " + fs + " is outside 1000..384000 Hz");
        }
        if (order < 0 || order > 200) {
            throw new InputException("--order " + order + " is outside 0..200");
        }
        TailModel tailModel;
        try {
            tailModel = TailModel.fromId(tail);
        } catch (IllegalArgumentException e) {
            throw new InputException("--tail: " + e.getMessage());
        }
        if (!Double.isFinite(yaw + pitch + roll)) {
            throw new InputException("--yaw, --pitch and --roll must be finite numbers of degrees");
        }
        RirOptions options = new RirOptions(order, highPass, air, fourPi, tailModel, RirOptions.SPEED_OF_SOUND);
        RirRequest req = new RirRequest(box, absorption, src, rcv, new Orientation(yaw, pitch, roll), fs, options);
        try {
            req.checkLength();
        } catch (IllegalArgumentException e) {
            throw new InputException("--room, --absorption/--rt60, --order: " + e.getMessage());
        }
        return req;
    }

    private static void checkInside(Shoebox box, Point3 p, String option) {
        Shoebox.WallDistance w = box.nearestWall(p);
        if (w.distance() < SceneValidator.MIN_CLEARANCE) {
            throw new InputException(String.format(Locale.ROOT, "%s is %.3f m from the %s wall (minimum %s m, inside the room)",
                    option, w.distance(), w.wall().id(), SceneValidator.MIN_CLEARANCE));
        }
    }

    /** Little-endian float32, rows W, Y, Z, X one after the other, like the pyroomacoustics references. */
    static void writeF32(Path file, float[][] rows) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(rows.length * rows[0].length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float v : row) {
                b.putFloat(v);
            }
        }
        AtomicFile.write(file, b.array());
    }
}
