package org.notmono.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

import org.notmono.cli.InputException;

/**
 * One output file that appears complete or not at all, the way every command writes its
 * results. Bytes go to a hidden temporary file beside the target, created with the process's
 * umask (so {@code 0644} under the usual {@code 022}, like any other file the user makes);
 * {@link #commit()} forces it to disk and renames it over the target; {@link #abort()}, or
 * {@link #close()} without a commit, deletes it, so a failure (a full disk, an exception) leaves
 * the target as it was.
 *
 * <p>A symbolic link is followed: the file it points to is replaced and the link is kept. A
 * target that exists but is no regular file (a device node such as {@code /dev/null}, a pipe)
 * is written through: the temporary file, kept in the system's temporary folder, is copied into
 * it on commit, because renaming over it would replace the node itself. Problems the user can
 * fix by choosing another output (a missing or read-only folder, a target that is a folder, a
 * dangling link) are {@link InputException}s naming the file and what to do.
 */
public final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final boolean writeThrough;
    private final FileChannel channel;
    private boolean finished;

    private AtomicFile(Path target, Path temp, boolean writeThrough, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.writeThrough = writeThrough;
        this.channel = channel;
    }

    /** Starts writing {@code target}; nothing appears under its name until {@link #commit()}. */
    public static AtomicFile create(Path target) throws IOException {
        Path real = resolve(target);
        boolean through = isWrittenThrough(real);
        Path dir = folderOf(target, real);
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + real.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new AtomicFile(real, temp, through, ch);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw e;
                }
            } catch (IOException e) {
                throw problem(target, dir, e);
            }
        }
    }

    /**
     * Fails early, before any work, when writing {@code target} cannot succeed for a reason the
     * user can fix (see the class comment); the same checks {@link #create} makes.
     */
    public static void check(Path target) {
        Path real = resolve(target);
        Path dir = folderOf(target, real);
        if (!Files.isWritable(dir)) {
            throw new InputException(target + ": the folder " + dir + " is not writable; choose another output");
        }
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lets {@code content} fill the file through a stream, then commits; any failure leaves the target as it was. */
    public static void write(Path target, Content content) throws IOException {
        try (AtomicFile file = create(target)) {
            OutputStream out = file.stream();
            content.writeTo(out);
            out.flush();
            file.commit();
        }
    }

    /** What fills a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The file as it will be named after the commit (a symbolic link resolved). */
    public Path target() {
        return target;
    }

    /** The temporary file's channel, positioned at its start; it may seek. */
    public FileChannel channel() {
        return channel;
    }

    /** A stream onto {@link #channel()}; closing it does not commit. */
    public OutputStream stream() {
        return Channels.newOutputStream(channel);
    }

    /** Forces the bytes to disk and puts them under the target's name. */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException(target + " is already committed or aborted");
        }
        try {
            channel.force(false);
            channel.close();
            if (writeThrough) {
                try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                    Files.copy(temp, out);
                }
                Files.deleteIfExists(temp);
            } else {
                move(temp, target);
            }
            finished = true;
        } catch (IOException e) {
            abort();
            throw problem(target, target.toAbsolutePath().getParent(), e);
        }
    }

    /** Gives up: deletes the temporary file; the target is left as it was. */
    public void abort() {
        finished = true;
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // best effort: the temporary file has a hidden .part name nobody reads
        }
    }

    /** Aborts unless committed, so a try-with-resources block that throws leaves nothing behind. */
    @Override
    public void close() {
        if (!finished) {
            abort();
        }
    }

    /** The file a write to {@code target} lands in: a link's destination; never a folder. */
    private static Path resolve(Path target) {
        Path real = target;
        if (Files.isSymbolicLink(target)) {
            try {
                real = target.toRealPath();
            } catch (IOException e) {
                throw new InputException(target + " is a symbolic link to a missing file; remove it or choose another output");
            }
        }
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new InputException(target + " is a folder; give a file name");
        }
        if (real.getFileName() == null) {
            throw new InputException("'" + target + "' is not a file name");
        }
        return real;
    }

    private static boolean isWrittenThrough(Path real) {
        return Files.exists(real) && !Files.isRegularFile(real);
    }

    /** Where the temporary file goes: beside the target, or the temporary folder for a device written through. */
    private static Path folderOf(Path target, Path real) {
        Path dir = isWrittenThrough(real) ? Path.of(System.getProperty("java.io.tmpdir")) : real.toAbsolutePath().getParent();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException(target + ": " + dir + " is a file, not a folder; choose another output");
        }
        if (!Files.isDirectory(dir)) {
            throw new InputException(target + ": the folder " + dir + " does not exist; create it first");
        }
        return dir;
    }

    /** An I/O failure as the user should read it: an input problem when choosing another output fixes it. */
    private static IOException problem(Path target, Path dir, IOException e) {
        if (e instanceof AccessDeniedException) {
            throw new InputException(target + ": the folder " + dir + " is not writable; choose another output");
        }
        if (e instanceof NoSuchFileException) {
            throw new InputException(target + ": the folder " + dir + " does not exist; create it first");
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null && fs.getReason().contains("Read-only file system")) {
            throw new InputException(target + ": " + dir + " is on a read-only file system; choose another output");
        }
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return new IOException(target + ": cannot be written (" + reason + ")", e);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
