package org.notmono.training.stage1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.notmono.model.encoder.ClipFeatures;
import org.notmono.model.encoder.EncoderConfig;
import org.notmono.model.encoder.FeatureExtractor;
import org.notmono.task.TaskContext;

/**
 * Encoder features of labelled windows, computed once and kept in a cache file of fixed-size
 * float records next to the data ({@code .features/<key>.f32}); the key covers everything the
 * features depend on, so a changed front end or window list makes a new file.
 */
public final class FeatureStore implements ExampleSet {
    private final List<ClipWindow> windows;
    private final FileChannel channel;
    private final int frames;
    private final int bins;
    private final int melBands;
    private final int recordFloats;

    private FeatureStore(List<ClipWindow> windows, FileChannel channel, int frames, int bins, int melBands) {
        this.windows = windows;
        this.channel = channel;
        this.frames = frames;
        this.bins = bins;
        this.melBands = melBands;
        this.recordFloats = EncoderConfig.CHANNELS * frames * bins + frames * melBands;
    }

    /** Opens the cache under {@code cacheDir}, computing the features of every window first if needed. */
    public static FeatureStore open(Path cacheDir, List<ClipWindow> windows, EncoderConfig config, double windowSeconds,
                                    int threads, TaskContext task) throws IOException {
        int samples = (int) Math.round(windowSeconds * config.sampleRate());
        int frames = config.frames(samples);
        Path file = cacheDir.resolve(key(windows, config, windowSeconds) + ".f32");
        if (!Files.isRegularFile(file)) {
            compute(file, windows, new FeatureExtractor(config), windowSeconds, threads, task);
        }
        FeatureStore store = new FeatureStore(windows, FileChannel.open(file, StandardOpenOption.READ), frames, config.bins(),
                config.melBands());
        if (store.channel.size() != (long) windows.size() * store.recordFloats * Float.BYTES) {
            store.channel.close();
            throw new IOException(file + " is damaged (wrong size); delete it to recompute the features");
        }
        return store;
    }

    private static String key(List<ClipWindow> windows, EncoderConfig c, double windowSeconds) {
        StringBuilder s = new StringBuilder("features/2 ").append(c.sampleRate()).append(' ').append(c.hop()).append(' ')
                .append(c.compression()).append(' ').append(c.melBands()).append(' ').append(windowSeconds);
        for (ClipWindow w : windows) {
            s.append('\n').append(w.wav().toAbsolutePath().normalize()).append(' ').append(w.start());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return "encoder-hop" + c.hop() + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void compute(Path file, List<ClipWindow> windows, FeatureExtractor extractor, double windowSeconds,
                                int threads, TaskContext task) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        AtomicInteger done = new AtomicInteger();
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            List<Future<?>> jobs = new java.util.ArrayList<>();
            int chunk = 64;
            for (int first = 0; first < windows.size(); first += chunk) {
                int from = first;
                int to = Math.min(windows.size(), first + chunk);
                jobs.add(pool.submit(() -> {
                    RecordingCache recordings = new RecordingCache();
                    for (int i = from; i < to; i++) {
                        task.checkCancelled();
                        ClipWindow w = windows.get(i);
                        ClipFeatures f = extractor.window(recordings.recording(w), w.start(), windowSeconds);
                        write(out, i, f);
                        int d = done.incrementAndGet();
                        task.progress(d / (double) windows.size(), "features " + d + " / " + windows.size());
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while computing features", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void write(FileChannel out, int index, ClipFeatures f) {
        ByteBuffer buffer = ByteBuffer.allocate((f.map().length + f.logMel().length) * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(f.map()).put(f.logMel());
        try {
            out.write(buffer, (long) index * buffer.capacity());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int size() {
        return windows.size();
    }

    @Override
    public SceneLabels labels(int index) {
        return windows.get(index).labels();
    }

    @Override
    public ClipFeatures features(int index) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(recordFloats * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long position = (long) index * buffer.capacity();
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("feature cache ends before record " + index);
            }
        }
        buffer.flip();
        float[] map = new float[EncoderConfig.CHANNELS * frames * bins];
        float[] mel = new float[frames * melBands];
        buffer.asFloatBuffer().get(map).get(mel);
        return new ClipFeatures(frames, bins, melBands, map, mel);
    }
}
