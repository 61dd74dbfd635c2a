package io.glossa.registry;

import java.util.List;
import java.util.Optional;

/**
 * The port to where model versions are kept: their bytes, provenance and the changelog of activations. The JDBC
 * adapter ({@code io.glossa.store.JdbcModelRegistry}, from {@code Database.modelRegistry}) shares the pipeline's database, so every process of a
 * deployment sees the same active version.
 */
public interface ModelRegistry {
    /** @throws ModelRegistryException if the version is already there */
    ModelEntry add(NewModel model);

    /** Oldest first. */
    List<ModelEntry> list();

    Optional<ModelEntry> find(String version);

    /** The model file as stored. */
    Optional<byte[]> bytes(String version);

    ModelState state();

    /**
     * Appends a changelog line (for {@code activate}/{@code shadow}, the version must exist).
     * @throws ModelRegistryException for an unknown version
     */
    ModelEvent record(ModelEvent.Action action, String version);

    /** The changelog, oldest first. */
    List<ModelEvent> events();

    /** Remembers what a worker runs now (one row per worker, replaced). */
    void report(WorkerStatus status);

    /** Remembers that a worker refused a version (the newest reason per worker and version is kept). */
    void refused(Refusal refusal);

    /** Ordered by worker name. */
    List<WorkerStatus> workers();

    /** Newest first. */
    List<Refusal> refusals();
}
