package io.glossa.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A test helper over our own port: forwards everything, so a test can override one call. */
class ForwardingStore implements TextStore {
    private final TextStore store;

    ForwardingStore(TextStore store) {
        this.store = store;
    }

    @Override public List<Job> accept(List<String> texts, Lane lane) { return store.accept(texts, lane); }
    @Override public Optional<TextRecord> find(UUID id) { return store.find(id); }
    @Override public List<Job> unpublished(int limit) { return store.unpublished(limit); }
    @Override public void markPublished(Collection<UUID> ids) { store.markPublished(ids); }
    @Override public boolean complete(Result result) { return store.complete(result); }
    @Override public List<Boolean> completeAll(List<Result> results) { return store.completeAll(results); }
    @Override public void fail(UUID id, String reason) { store.fail(id, reason); }
    @Override public boolean isReady() { return store.isReady(); }
    @Override public void close() { store.close(); }
}
