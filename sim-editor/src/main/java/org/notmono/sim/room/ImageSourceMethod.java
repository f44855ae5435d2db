package org.notmono.sim.room;

import java.util.stream.IntStream;

/**
 * The shoebox image-source method as pyroomacoustics computes it: every image with
 * |nx| + |ny| + |nz| <= order, amplitude = product over wall hits of sqrt(1 - absorption)
 * divided by the distance, an 81-tap windowed-sinc arrival at distance / c * fs + 40 samples,
 * and length ceil(d_max * fs / c) + 82. For a first-order-ambisonics receiver each image adds
 * its SN3D gains (W, Y, Z, X) for its direction in the receiver's frame.
 *
 * <p>Images are enumerated on the fly from per-axis tables (offset and reflection gain of
 * image index n on that axis), so nothing is allocated per image; large orders split the x
 * index range over cores, each with its own buffer.
 */
public final class ImageSourceMethod {
    /** Images per parallel task below which one thread is faster. */
    private static final long PARALLEL_THRESHOLD = 40_000;

    private final Shoebox room;
    private final int order;
    private final double samplesPerMetre;
    private final boolean omni;
    private final double[] rotation;
    private final double amplitudeScale;
    private final double airPerMetre;
    /** Per axis, for n in [-order, order] at index n + order: image offset from the receiver and wall-hit gain. */
    private final double[][] offset = new double[3][];
    private final double[][] gain = new double[3][];

    /**
     * Without air absorption ({@link AirAbsorption} runs one instance per frequency band).
     *
     * @param omni true for one omnidirectional channel, false for 4 FOA channels
     */
    public ImageSourceMethod(Shoebox room, Absorption absorption, Point3 source, Point3 receiver,
                             Orientation orientation, int sampleRate, RirOptions options, boolean omni) {
        this(room, absorption, source, receiver, orientation, sampleRate, options, omni, 0);
    }

    /** @param airEnergyPerMetre air absorption: each image's energy is multiplied by exp(-m d) */
    ImageSourceMethod(Shoebox room, Absorption absorption, Point3 source, Point3 receiver,
                      Orientation orientation, int sampleRate, RirOptions options, boolean omni, double airEnergyPerMetre) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        this.room = room;
        this.order = options.maxOrder();
        this.samplesPerMetre = sampleRate / options.speedOfSound();
        this.omni = omni;
        this.rotation = orientation.matrix();
        this.amplitudeScale = options.inverseFourPi() ? 1 / (4 * Math.PI) : 1;
        this.airPerMetre = 0.5 * airEnergyPerMetre; // amplitude = sqrt(energy)
        double[] s = source.toArray();
        double[] r = receiver.toArray();
        for (int axis = 0; axis < 3; axis++) {
            double len = room.size(axis);
            double lower = Math.sqrt(1 - absorption.get(Wall.values()[2 * axis]));
            double upper = Math.sqrt(1 - absorption.get(Wall.values()[2 * axis + 1]));
            offset[axis] = new double[2 * order + 1];
            gain[axis] = new double[2 * order + 1];
            for (int n = -order; n <= order; n++) {
                // image n: n even -> n L + s, n odd -> (n + 1) L - s; |n| hits split between both walls
                double pos = (n & 1) == 0 ? n * len + s[axis] : (n + 1) * len - s[axis];
                int m = Math.abs(n);
                int hitsUpper = n > 0 ? (m + 1) / 2 : m / 2;
                int hitsLower = m - hitsUpper;
                offset[axis][n + order] = pos - r[axis];
                gain[axis][n + order] = Math.pow(lower, hitsLower) * Math.pow(upper, hitsUpper);
            }
        }
    }

    /** Number of images of a given order: 1 + 2N(2N^2 + 3N + 4) / 3. */
    public static long imageCount(int order) {
        long n = order;
        return 1 + 2 * n * (2 * n * n + 3 * n + 4) / 3;
    }

    /** Distance of the farthest image source. */
    public double maxDistance() {
        double best = 0;
        for (int nx = -order; nx <= order; nx++) {
            double dx = offset[0][nx + order];
            int ry = order - Math.abs(nx);
            for (int ny = -ry; ny <= ry; ny++) {
                double dy = offset[1][ny + order];
                int rz = ry - Math.abs(ny);
                // the farthest z image in this column is one of the two ends
                double dz = Math.max(Math.abs(offset[2][-rz + order]), Math.abs(offset[2][rz + order]));
                best = Math.max(best, dx * dx + dy * dy + dz * dz);
            }
        }
        return Math.sqrt(best);
    }

    /**
     * Distance of the nearest image of exactly {@code shell} = |nx| + |ny| + |nz| (at most this
     * method's order): up to that distance the image set of order shell - 1 is complete.
     */
    public double minDistanceOfShell(int shell) {
        if (shell > order) {
            throw new IllegalArgumentException("shell " + shell + " exceeds order " + order);
        }
        double best = Double.MAX_VALUE;
        for (int nx = -shell; nx <= shell; nx++) {
            double dx = offset[0][nx + order];
            int ry = shell - Math.abs(nx);
            for (int ny = -ry; ny <= ry; ny++) {
                double dy = offset[1][ny + order];
                int rz = ry - Math.abs(ny);
                for (int nz : new int[] {-rz, rz}) {
                    double dz = offset[2][nz + order];
                    best = Math.min(best, dx * dx + dy * dy + dz * dz);
                }
            }
        }
        return Math.sqrt(best);
    }

    /** pyroomacoustics' RIR length: ceil(d_max * fs / c) + 82. */
    public int length() {
        return (int) Math.ceil(maxDistance() * samplesPerMetre) + 2 * FractionalDelay.HALF + 2;
    }

    /** The RIR: 1 row (omni) or 4 rows W, Y, Z, X, each {@link #length()} samples. */
    public float[][] compute() {
        int len = length();
        int channels = omni ? 1 : 4;
        long images = imageCount(order);
        int tasks = images < PARALLEL_THRESHOLD ? 1
                : (int) Math.min(Runtime.getRuntime().availableProcessors(), images / (PARALLEL_THRESHOLD / 2));
        if (tasks <= 1) {
            float[][] out = new float[channels][len];
            accumulate(-order, order, out);
            return out;
        }
        // interleave x slices so every task gets a similar share of the (diamond-shaped) image set
        int t = tasks;
        return IntStream.range(0, t).parallel().mapToObj(task -> {
            float[][] part = new float[channels][len];
            for (int nx = -order + task; nx <= order; nx += t) {
                accumulate(nx, nx, part);
            }
            return part;
        }).reduce(ImageSourceMethod::sumInto).orElseThrow();
    }

    private static float[][] sumInto(float[][] a, float[][] b) {
        for (int c = 0; c < a.length; c++) {
            for (int i = 0; i < a[c].length; i++) {
                a[c][i] += b[c][i];
            }
        }
        return a;
    }

    /** Adds the images with nx in [fromNx, toNx]. */
    private void accumulate(int fromNx, int toNx, float[][] out) {
        FractionalDelay delay = FractionalDelay.get();
        float[] kernel = new float[FractionalDelay.TAPS];
        double[] rot = rotation;
        for (int nx = fromNx; nx <= toNx; nx++) {
            double dx = offset[0][nx + order];
            double gx = gain[0][nx + order];
            int ry = order - Math.abs(nx);
            for (int ny = -ry; ny <= ry; ny++) {
                double dy = offset[1][ny + order];
                double gxy = gx * gain[1][ny + order];
                double dxy2 = dx * dx + dy * dy;
                int rz = ry - Math.abs(ny);
                for (int nz = -rz; nz <= rz; nz++) {
                    double dz = offset[2][nz + order];
                    double d = Math.sqrt(dxy2 + dz * dz);
                    double amp = gxy * gain[2][nz + order] * amplitudeScale / d;
                    if (airPerMetre > 0) {
                        amp *= Math.exp(-airPerMetre * d);
                    }
                    double t = d * samplesPerMetre + FractionalDelay.HALF;
                    int whole = (int) t;
                    delay.kernel(t - whole, kernel);
                    int start = whole - FractionalDelay.HALF;
                    if (omni) {
                        add(out[0], start, kernel, (float) amp);
                    } else {
                        double inv = amp / d;
                        // receiver frame = R^T (image - receiver); SN3D first order = unit vector components
                        float y = (float) (inv * (rot[1] * dx + rot[4] * dy + rot[7] * dz));
                        float z = (float) (inv * (rot[2] * dx + rot[5] * dy + rot[8] * dz));
                        float x = (float) (inv * (rot[0] * dx + rot[3] * dy + rot[6] * dz));
                        add(out[0], start, kernel, (float) amp);
                        add(out[1], start, kernel, y);
                        add(out[2], start, kernel, z);
                        add(out[3], start, kernel, x);
                    }
                }
            }
        }
    }

    private static void add(float[] row, int start, float[] kernel, float a) {
        for (int k = 0; k < kernel.length; k++) {
            row[start + k] += a * kernel[k];
        }
    }

    public Shoebox room() {
        return room;
    }
}
