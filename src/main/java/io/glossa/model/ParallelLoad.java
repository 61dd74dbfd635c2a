package io.glossa.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Loads a model's short-text head beside its main weights. Why: inflating and packing a head is most of a cold load
 * (JIT not yet warm), and a model with a head has two; on a second core they take little longer than one. On one CPU
 * a second thread only adds its start and the switches between the two, so the work then runs when joined.
 */
final class ParallelLoad<T> {
    private final Supplier<T> work;
    private final CompletableFuture<T> started;

    private ParallelLoad(Supplier<T> work, CompletableFuture<T> started) {
        this.work = work;
        this.started = started;
    }

    /** Starts {@code work} on another thread if this JVM has a second CPU; nothing to do when not {@code needed}. */
    static <T> ParallelLoad<T> start(boolean needed, Supplier<T> work) {
        if (!needed) {
            return new ParallelLoad<>(null, null);
        }
        boolean secondCpu = Runtime.getRuntime().availableProcessors() > 1;
        return new ParallelLoad<>(work, secondCpu ? CompletableFuture.supplyAsync(work) : null);
    }

    /** The work's result (null when it was not needed), its exceptions as they were thrown. */
    T join() {
        if (work == null) {
            return null;
        }
        if (started == null) {
            return work.get();
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
