package io.glossa.cli;

import io.glossa.app.ModelSource;
import io.glossa.app.WorkerSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Worker options, shared by {@code serve} and {@code worker}. */
final class WorkerOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--workers",
            defaultValue = "${env:GLOSSA_WORKERS:-0}",
            paramLabel = "N",
            description = "Worker threads predicting jobs (env GLOSSA_WORKERS; default: 8 per core, since they mostly "
                    + "wait for the database and their results share commits).")
    int workers;

    @Option(
            names = "--top-k",
            defaultValue = "${env:GLOSSA_TOP_K:-3}",
            paramLabel = "K",
            description = "Candidates stored with each result (env GLOSSA_TOP_K; default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(
            names = "--model-check-interval",
            defaultValue = "${env:GLOSSA_MODEL_CHECK_INTERVAL:-30s}",
            paramLabel = "DURATION",
            description = "How often workers re-read the registry's active model, besides the announcements on the "
                    + "models exchange, which a disconnected worker misses (env GLOSSA_MODEL_CHECK_INTERVAL; "
                    + "default: ${DEFAULT-VALUE}).")
    String modelCheckInterval;

    /** @throws ParameterException (picocli prints it with usage) if a value is out of range */
    WorkerSettings settings(ModelSource model) {
        return new WorkerSettings(workerThreads(), topK(), modelCheckInterval(), model);
    }

    private java.time.Duration modelCheckInterval() {
        java.time.Duration interval;
        try {
            interval = DurationText.parse(modelCheckInterval, "--model-check-interval");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (interval.toMillis() < 100) {
            throw new ParameterException(
                    spec.commandLine(), "--model-check-interval must be at least 100ms, got " + modelCheckInterval);
        }
        return interval;
    }

    private int workerThreads() {
        if (workers < 0 || workers > 1024) {
            throw new ParameterException(spec.commandLine(), "--workers must be between 1 and 1024, got " + workers);
        }
        return workers == 0 ? 8 * Runtime.getRuntime().availableProcessors() : workers;
    }

    private int topK() {
        if (topK < 1 || topK > 38) {
            throw new ParameterException(spec.commandLine(), "--top-k must be between 1 and 38, got " + topK);
        }
        return topK;
    }
}
