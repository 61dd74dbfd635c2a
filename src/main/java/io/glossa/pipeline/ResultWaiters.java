package io.glossa.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Long-polling without a polling loop: a waiter registers for an id, and the result event for that id
 * (from the results exchange) wakes it. The store is always read again after registering and after waking,
 * because the event may have come before the wait began, or from another process.
 */
public final class ResultWaiters implements ResultListener {
    private final TextStore store;
    private final Executor storeReads;
    private final ConcurrentHashMap<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    /** @param storeReads runs the blocking store reads, so no event or HTTP thread waits on the database */
    public ResultWaiters(TextStore store, Executor storeReads) {
        this.store = store;
        this.storeReads = storeReads;
    }

    /**
     * Completes with the record once it is no longer pending, or with its pending state after {@code timeout};
     * empty if no text has that id.
     */
    public CompletableFuture<Optional<TextRecord>> await(UUID id, Duration timeout) {
        return await(id, timeout, Requester.UNKEYED);
    }

    /** As {@link #await(UUID, Duration)}, but empty at once, without waiting, for a text {@code requester} may not see. */
    public CompletableFuture<Optional<TextRecord>> await(UUID id, Duration timeout, Requester requester) {
        CompletableFuture<Void> signal = new CompletableFuture<>();
        waiting.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(signal);
        return CompletableFuture.supplyAsync(() -> store.find(id, requester), storeReads)
                .thenCompose(first -> {
                    if (first.isEmpty() || first.get().status() != TextStatus.PENDING || timeout.isZero()) {
                        return CompletableFuture.completedFuture(first);
                    }
                    return signal.completeOnTimeout(null, timeout.toNanos(), TimeUnit.NANOSECONDS)
                            .thenApplyAsync(ignored -> store.find(id, requester), storeReads);
                })
                .whenComplete((record, error) -> forget(id, signal));
    }

    /** Waiters registered now, for tests and metrics. */
    public int waiting() {
        return waiting.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void onResult(ResultEvent event) {
        Set<CompletableFuture<Void>> signals = waiting.get(event.id());
        if (signals != null) {
            signals.forEach(signal -> signal.complete(null));
        }
    }

    @SuppressWarnings("CollectionUndefinedEquality") // removes this very signal: identity is the intended equality
    private void forget(UUID id, CompletableFuture<Void> signal) {
        waiting.computeIfPresent(id, (k, signals) -> {
            signals.remove(signal);
            return signals.isEmpty() ? null : signals;
        });
    }
}
