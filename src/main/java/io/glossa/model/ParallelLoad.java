package io.glossa.model;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Loads a model's short-text head beside its main weights. Why: inflating and packing a head is most of a cold load
 * (JIT not yet warm), and a model with a head has two; on a second core they take little longer than one.
 */
final class ParallelLoad {
    private ParallelLoad() {}

    /** Starts {@code work} on another thread, or returns null when there is nothing to do. */
    static <T> CompletableFuture<T> start(boolean needed, Supplier<T> work) {
        return needed ? CompletableFuture.supplyAsync(work) : null;
    }

    /** The result of {@link #start}, null if nothing was started; its exceptions as they were thrown. */
    static <T> T join(CompletableFuture<T> started) {
        if (started == null) {
            return null;
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
