package org.notmono.training.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;

/**
 * Reads a growing {@code metrics.jsonl} incrementally: each poll reads only the bytes added
 * since the last one. A half-written last line (no newline yet) is kept for the next poll; a
 * complete line that is not a record is skipped with a notice. When the file is replaced (a
 * resumed run rewrites it without the steps it will redo) or shrinks, reading starts over and
 * the update says so.
 */
public final class MetricsTail {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int CHUNK = 1 << 20;

    private final Path file;
    private long offset;
    private Object fileKey;
    private byte[] partial = new byte[0];
    private long lineNumber;

    public MetricsTail(Path file) {
        this.file = file;
    }

    /**
     * What one poll found.
     *
     * @param restarted the file was replaced or truncated: drop what earlier polls returned
     * @param notices   lines skipped, in words
     */
    public record Update(boolean restarted, List<MetricRecord> records, List<String> notices) {
        public boolean isEmpty() {
            return !restarted && records.isEmpty() && notices.isEmpty();
        }
    }

    /** The byte offset up to which the file has been read (a kept partial line included). */
    public long offset() {
        return offset;
    }

    public Update poll() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            boolean had = offset > 0;
            reset();
            fileKey = null;
            return new Update(had, List.of(), List.of());
        }
        boolean restarted = false;
        Object key = attributes.fileKey();
        if (offset > 0 && (attributes.size() < offset || key != null && !Objects.equals(key, fileKey))) {
            reset();
            restarted = true;
        }
        fileKey = key;
        List<MetricRecord> records = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = channel.size();
            while (offset < end) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, end - offset));
                int n = channel.read(buffer, offset);
                if (n <= 0) {
                    break;
                }
                offset += n;
                consume(Arrays.copyOf(buffer.array(), n), records, notices);
            }
        }
        return new Update(restarted, records, notices);
    }

    private void reset() {
        offset = 0;
        partial = new byte[0];
        lineNumber = 0;
    }

    /** Splits {@code bytes} (after the kept partial line) into complete lines and keeps the rest. */
    private void consume(byte[] bytes, List<MetricRecord> records, List<String> notices) {
        byte[] data = partial.length == 0 ? bytes : concat(partial, bytes);
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                line(data, start, i - start, records, notices);
                start = i + 1;
            }
        }
        partial = Arrays.copyOfRange(data, start, data.length);
    }

    private void line(byte[] data, int offset, int length, List<MetricRecord> records, List<String> notices) {
        lineNumber++;
        if (isBlank(data, offset, length)) {
            return;
        }
        MetricRecord record;
        try {
            record = MetricRecord.parse(FACTORY, data, offset, length);
        } catch (IOException | RuntimeException e) {
            record = null;
        }
        if (record == null) {
            notices.add(file.getFileName() + " line " + lineNumber + " is not a metrics record; skipped");
        } else {
            records.add(record);
        }
    }

    private static boolean isBlank(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
