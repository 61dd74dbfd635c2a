package io.glossa.registry;

import io.glossa.pipeline.Result;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A fake of the ShadowResults port: the first answer per text and version is kept, as in the shadow table. */
final class InMemoryShadowResults implements ShadowResults {
    private final Map<String, Map<UUID, String>> byVersion = new HashMap<>();

    @Override
    public synchronized void store(Result result) {
        byVersion
                .computeIfAbsent(result.modelVersion(), v -> new HashMap<>())
                .putIfAbsent(result.id(), result.prediction().language());
    }

    /** The language {@code version} answered per text in the shadow. */
    synchronized Map<UUID, String> answersOf(String version) {
        return Map.copyOf(byVersion.getOrDefault(version, Map.of()));
    }
}
