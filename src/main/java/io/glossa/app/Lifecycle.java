package io.glossa.app;

import io.glossa.concurrent.Threads;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts a long-running command started, closed once in reverse order of starting: when the command ends, or on
 * SIGTERM / Ctrl+C, which the JVM turns into a shutdown hook that waits (bounded) for the close to finish.
 */
final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(30);

    private record Part(String name, AutoCloseable closeable) {}

    private final Deque<Part> parts = new ArrayDeque<>();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private Thread hook;
    private volatile StopReason reason = StopReason.REQUESTED;

    /** Registers a started part; it is closed before every part registered earlier. */
    <T extends AutoCloseable> T add(String name, T part) {
        synchronized (parts) {
            parts.push(new Part(name, part));
        }
        return part;
    }

    /**
     * Blocks until SIGTERM/Ctrl+C (or {@link #requestStop()}, {@link #fail}).
     * @return why it stopped
     */
    StopReason awaitStop() throws InterruptedException {
        hook = Threads.daemon("shutdown", this::onSignal);
        Runtime.getRuntime().addShutdownHook(hook);
        stopRequested.await();
        return reason;
    }

    void requestStop() {
        stopRequested.countDown();
    }

    /** Stops the process because a part of it broke: {@link #awaitStop()} says so. */
    void fail() {
        reason = StopReason.PART_DIED;
        stopRequested.countDown();
    }

    private void onSignal() {
        LOG.info("shutting down");
        stopRequested.countDown();
        try {
            if (!closed.await(SHUTDOWN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("shutdown took longer than {} s; exiting anyway", SHUTDOWN_LIMIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            Part part;
            while ((part = next()) != null) {
                long start = System.nanoTime();
                try {
                    part.closeable().close();
                    LOG.debug("stopped {} in {} ms", part.name(), (System.nanoTime() - start) / 1_000_000);
                } catch (Exception e) {
                    LOG.warn("stopping {} failed: {}", part.name(), e.toString());
                }
            }
            LOG.info("stopped");
        } finally {
            closed.countDown();
            removeHook();
        }
    }

    private Part next() {
        synchronized (parts) {
            return parts.poll();
        }
    }

    private void removeHook() {
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is running and waits for us
            }
        }
    }
}
