package org.notmono.training.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.notmono.cli.InputException;

/**
 * The lock a training process holds on its run folder ({@code run.lock}) while it trains, so
 * two processes (two app instances, or the app and a terminal) never resume one run at once.
 * It is an operating-system lock: a killed process releases it, so it never goes stale.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = "run.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the run's lock, or says (exit 2) which process holds it. */
    public static RunLock acquire(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
            channel.close();
            throw new InputException(runDir + " is in use by another training process" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + "; stop it before resuming");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        return new RunLock(channel, lock);
    }

    /**
     * True when another process holds the lock of {@code runDir} now. Not for the process that
     * trains: on POSIX systems closing any channel to the file drops that process's own lock.
     */
    public static boolean isHeld(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
