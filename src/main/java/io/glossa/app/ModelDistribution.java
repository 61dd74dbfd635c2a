package io.glossa.app;

import io.glossa.broker.AmqpBroker;
import io.glossa.broker.ModelAnnouncementCodec;
import io.glossa.concurrent.Threads;
import io.glossa.metrics.MicrometerModelMetrics;
import io.glossa.model.LanguageModel;
import io.glossa.registry.ActiveModels;
import io.glossa.registry.ModelAnnouncer;
import io.glossa.registry.ModelCatalog;
import io.glossa.registry.ModelRegistry;
import io.glossa.registry.ModelRegistryException;
import io.glossa.store.Database;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires model distribution for a process with workers: the active registry model is loaded at start (else the
 * --model file or the built-in one), and re-read on every announcement on the models exchange and every
 * {@code --model-check-interval} (which covers announcements missed while disconnected). Loading and verifying run
 * on one thread of their own, never on the broker's delivery thread or a job's.
 */
final class ModelDistribution {
    private static final Logger LOG = LoggerFactory.getLogger(ModelDistribution.class);

    private static final java.util.concurrent.atomic.AtomicInteger PROCESSES_HERE =
            new java.util.concurrent.atomic.AtomicInteger();

    private ModelDistribution() {}

    @SuppressWarnings("FutureReturnValueIgnored") // a periodic task: it handles its own failures and shutdown ends it
    static ActiveModels start(
            Lifecycle life,
            Database database,
            AmqpBroker broker,
            LanguageModel fallback,
            String role,
            MeterRegistry meters,
            Duration checkInterval) {
        ModelRegistry registry = database.modelRegistry(Clock.systemUTC());
        ActiveModels models = new ActiveModels(
                registry,
                fallback,
                workerName(role),
                new MicrometerModelMetrics(meters, fallback.version()),
                Clock.systemUTC());
        models.refresh();
        LOG.info(
                "model: predicting with {}{}",
                models.get().version(),
                models.get() == fallback ? "" : " (the registry's active version)");
        ScheduledExecutorService checks =
                Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("model-check"));
        life.add("model checks", checks::shutdownNow);
        checks.scheduleWithFixedDelay(
                () -> quietly(models::refresh),
                checkInterval.toMillis(),
                checkInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        life.add("model announcements", broker.subscribeModels(body -> {
            if (ModelAnnouncementCodec.decode(body).isEmpty()) {
                LOG.warn("ignored a message on the models exchange that is not a model announcement");
                return;
            }
            checks.execute(() -> quietly(models::refreshAfterAnnouncement));
        }));
        return models;
    }

    /**
     * A fresh deployment's first version: serve registers the model it starts with and activates it, so the
     * registry (and {@code glossa models list}) starts from what actually runs. Another process doing the same at
     * the same moment wins; that is fine.
     */
    static void registerFirst(Database database, ModelSource source, LanguageModel model) {
        ModelRegistry registry = database.modelRegistry(Clock.systemUTC());
        if (!registry.list().isEmpty()) {
            return;
        }
        try {
            ModelCatalog catalog = new ModelCatalog(registry, ModelAnnouncer.NONE);
            String origin = source.file().map(Path::toString).orElse("the built-in model");
            catalog.add(origin, source.bytes(), "registered by glossa serve at first start (" + origin + ")");
            catalog.activate(model.version());
            LOG.info("model registry was empty: registered and activated {}", model.version());
        } catch (ModelRegistryException
                | io.glossa.registry.BadModelException
                | io.glossa.pipeline.StoreUnavailableException e) {
            LOG.info("model registry: {} not registered as the first version ({})", model.version(), e.getMessage());
        }
    }

    private static void quietly(Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            LOG.warn("model check failed (will retry): {}", e.getMessage());
        }
    }

    /** Unique per process, readable in {@code glossa models list}: role@host/pid. */
    static String workerName(String role) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        int n = PROCESSES_HERE.incrementAndGet(); // tests run several workers in one JVM
        return role + "@" + host + "/" + ProcessHandle.current().pid() + (n > 1 ? "-" + n : "");
    }
}
