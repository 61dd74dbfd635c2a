package io.glossa.app;

import io.glossa.broker.BrokerSession;
import io.glossa.metrics.MetricsRegistry;
import io.glossa.metrics.MicrometerPipelineMetrics;
import io.glossa.metrics.QueueGauges;
import io.glossa.model.LanguageModel;
import io.glossa.pipeline.Tracing;
import io.glossa.registry.ActiveModels;
import io.glossa.store.JdbcTextStore;
import io.glossa.store.StoreSettings;
import io.glossa.web.ApiServer;
import io.glossa.web.MetricsServer;
import io.glossa.web.ReadinessCheck;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the serve, api and worker roles: one start sequence (meters, store, broker) and then each role's own
 * parts. Each returns once everything is up; the caller stops the role by closing the result. A failure while
 * starting stops what had started and is thrown with a one-line message.
 */
public final class Roles {
    private static final Logger LOG = LoggerFactory.getLogger(Roles.class);

    private Roles() {}

    /** Everything in one process: API and UI, workers, store and broker. */
    public static Running serve(ServeSettings settings) {
        LanguageModel model = Parts.model(settings.worker().model());
        return start("serve", settings.store(), settings.broker(), settings.tracing(), parts -> {
            Parts.retention(parts.life(), parts.store(), settings.front().retention());
            ModelDistribution.registerFirst(
                    parts.store().database(), settings.worker().model(), model);
            ActiveModels models = workers(parts, settings.broker(), settings.worker(), model, "serve");
            ApiServer server = ApiAssembly.start(
                    parts,
                    settings.broker(),
                    settings.front(),
                    List.of(new ReadinessCheck("model", () -> models.get().labelCount() > 0)),
                    UiModel.of(models));
            LOG.info("glossa serving on http://localhost:{}", server.port());
            firstRunHint(settings, server.port());
            return Optional.of(server);
        });
    }

    /** The HTTP API, UI and outbox relay, without workers. */
    public static Running api(ApiRoleSettings settings) {
        return start("api", settings.store(), settings.broker(), settings.tracing(), parts -> {
            Parts.retention(parts.life(), parts.store(), settings.front().retention());
            ApiServer server =
                    ApiAssembly.start(parts, settings.broker(), settings.front(), List.of(), UiModel.withoutModel());
            LOG.info("glossa api serving on http://localhost:{}", server.port());
            return Optional.of(server);
        });
    }

    /** Workers only, with a metrics port if asked. */
    public static Running worker(WorkerRoleSettings settings) {
        LanguageModel model = Parts.model(settings.worker().model());
        return start("worker", settings.store(), settings.broker(), settings.tracing(), parts -> {
            QueueGauges.bind(
                    parts.registry(),
                    parts.broker().broker().topology().queues(),
                    () -> parts.broker().broker().queueStatistics().snapshot(),
                    Clock.systemUTC());
            workers(parts, settings.broker(), settings.worker(), model, "worker");
            settings.metrics().ifPresent(endpoint -> metricsServer(parts, endpoint));
            LOG.info("glossa worker running");
            return Optional.empty();
        });
    }

    /**
     * The shared sequence: tracing (closed last, so it flushes every part's spans), meters, store, broker, then
     * {@code rest}; on any failure, what started is stopped.
     */
    private static Running start(
            String role,
            StoreSettings store,
            BrokerSettings broker,
            TracingSettings tracing,
            Function<RoleParts, Optional<ApiServer>> rest) {
        Lifecycle life = new Lifecycle();
        try {
            Tracing openedTracing = life.add("tracing", tracing.open());
            PrometheusMeterRegistry registry = MetricsRegistry.create(role);
            MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics(registry);
            JdbcTextStore openedStore = Parts.store(life, store, registry);
            BrokerSession session = Parts.broker(life, broker, role, registry);
            RoleParts parts = new RoleParts(life, registry, metrics, openedStore, session, openedTracing);
            return new Running(life, openedStore, session, rest.apply(parts));
        } catch (RuntimeException e) {
            life.close();
            throw e;
        }
    }

    private static ActiveModels workers(
            RoleParts parts, BrokerSettings broker, WorkerSettings worker, LanguageModel model, String role) {
        ActiveModels models = ModelDistribution.start(
                parts.life(),
                parts.store().database(),
                parts.broker().broker(),
                model,
                role,
                parts.registry(),
                worker.modelCheckInterval());
        WorkerAssembly.start(parts, models, broker.consumer().withWorkers(worker.threads()), worker.topK());
        return models;
    }

    private static void metricsServer(RoleParts parts, MetricsEndpoint endpoint) {
        MetricsServer server = parts.life()
                .add(
                        "metrics server",
                        new MetricsServer(
                                        parts.registry(),
                                        () -> parts.store().isReady()
                                                && parts.broker()
                                                        .broker()
                                                        .queueStatistics()
                                                        .isReady())
                                .start(endpoint.host(), endpoint.port()));
        LOG.info("metrics: /metrics, /health, /ready on {}:{}", endpoint.host(), server.port());
    }

    /** What a newcomer needs next: where to look, where the data went, how to stop. */
    private static void firstRunHint(ServeSettings settings, int port) {
        LOG.info("open http://localhost:{}/ in a browser (live charts: /dashboard.html); stop with Ctrl+C", port);
        Optional<java.nio.file.Path> dataDir = settings.store()
                .sqliteFile()
                .map(f -> f.getParent().getParent())
                .or(() -> settings.broker().isEmbedded()
                        ? Optional.of(settings.broker().embedded().dataDir())
                        : Optional.empty());
        dataDir.ifPresent(dir -> LOG.info(
                "the embedded parts keep their data in {}", dir.toAbsolutePath().normalize()));
    }
}
