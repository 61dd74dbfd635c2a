package io.glossa.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file beside the embedded database, held while one process migrates the schema or imports
 * an old data dir: processes that start together on one data dir take turns instead of migrating at once. A file
 * lock belongs to the whole JVM, so opens within one process take turns on {@link #IN_PROCESS} first.
 */
final class MigrationLock implements AutoCloseable {
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock lock;

    private MigrationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits until no other process holds the lock. */
    static MigrationLock acquire(Path directory) {
        IN_PROCESS.lock();
        try {
            FileChannel channel = FileChannel.open(
                    directory.resolve("migrate.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new MigrationLock(channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            IN_PROCESS.unlock();
            throw new UncheckedIOException(
                    "cannot lock " + directory.resolve("migrate.lock") + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            IN_PROCESS.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            IN_PROCESS.unlock();
        }
    }
}
