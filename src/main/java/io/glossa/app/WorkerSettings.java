package io.glossa.app;

import java.time.Duration;
import java.util.Objects;

/**
 * The worker side of a role (serve, worker).
 *
 * @param threads            worker threads predicting jobs
 * @param topK               candidates stored with each result
 * @param modelCheckInterval how often the registry's active model is re-read, besides announcements
 */
public record WorkerSettings(int threads, int topK, Duration modelCheckInterval, ModelSource model) {
    public static final int DEFAULT_TOP_K = 3;
    public static final Duration DEFAULT_MODEL_CHECK_INTERVAL = Duration.ofSeconds(30);

    public WorkerSettings {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("--workers must be between 1 and 1024, got " + threads);
        }
        if (topK < 1 || topK > 38) {
            throw new IllegalArgumentException("--top-k must be between 1 and 38, got " + topK);
        }
        if (modelCheckInterval.toMillis() < 100) {
            throw new IllegalArgumentException(
                    "--model-check-interval must be at least 100ms, got " + modelCheckInterval);
        }
        Objects.requireNonNull(model, "model source");
    }

    /** {@code threads} workers with the given model and the default top-k and check interval. */
    public static WorkerSettings of(int threads, ModelSource model) {
        return new WorkerSettings(threads, DEFAULT_TOP_K, DEFAULT_MODEL_CHECK_INTERVAL, model);
    }

    public WorkerSettings withModelCheckInterval(Duration value) {
        return new WorkerSettings(threads, topK, value, model);
    }
}
