package io.glossa.cli;

import io.glossa.broker.BrokerSession;
import io.glossa.metrics.MetricsRegistry;
import io.glossa.metrics.MicrometerPipelineMetrics;
import io.glossa.model.LanguageModel;
import io.glossa.registry.ActiveModels;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.store.JdbcTextStore;
import io.glossa.web.ApiServer;
import io.glossa.web.ReadinessCheck;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code glossa serve}: everything in one process — API and UI, workers, and (unless --amqp-uri / --db-url point
 * elsewhere) the embedded broker and database under --data-dir.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run everything in one process: API, UI, workers, broker and database.",
                "Without options the AMQP broker (Qpid, 127.0.0.1:5673) and the database are embedded, under --data-dir;",
                "accepted texts survive a restart. With --amqp-uri / --db-url it uses RabbitMQ / PostgreSQL instead."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin StoreOptions storeOptions;
    @Mixin BrokerOptions brokerOptions;
    @Mixin HttpOptions http;
    @Mixin AccessOptions access;
    @Mixin RetentionOption retention;
    @Mixin WorkerOptions workerOptions;
    @Mixin ModelOption modelOption;
    @Mixin TracingOptions tracingOptions;

    @Override
    public Integer call() throws InterruptedException {
        return start().serveUntilStopped();
    }

    /** Starts every part and returns; the caller stops them by closing the result. */
    public Running start() {
        Lifecycle life = new Lifecycle();
        try {
            io.glossa.pipeline.Tracing tracing = life.add("tracing", tracingOptions.open("serve"));
            PrometheusMeterRegistry registry = MetricsRegistry.create("serve");
            PipelineMetrics metrics = new MicrometerPipelineMetrics(registry);
            LanguageModel model = Parts.model(modelOption);
            JdbcTextStore store = Parts.store(life, storeOptions, registry);
            retention.start(life, store);
            BrokerSession broker = Parts.broker(life, brokerOptions, storeOptions, "serve", registry);
            ModelDistribution.registerFirst(store.database(), modelOption, model);
            ActiveModels models = ModelDistribution.start(life, store.database(), broker.broker(), model, "serve",
                    registry, workerOptions.modelCheckInterval());
            WorkerAssembly.start(life, store, broker.broker(), models,
                    brokerOptions.consumerSettings(workerOptions.workerThreads()), workerOptions.topK(), metrics, tracing);
            ApiServer server = ApiAssembly.start(life, store, broker.broker(), brokerOptions.jobPacking(), http, access, registry, metrics,
                    List.of(new ReadinessCheck("model", () -> models.get().labelCount() > 0)), UiModel.of(models), tracing);
            LOG.info("glossa serving on http://localhost:{}", server.port());
            firstRunHint(server.port());
            return new Running(life, store, broker, Optional.of(server));
        } catch (RuntimeException e) {
            life.close();
            throw e;
        }
    }

    /** What a newcomer needs next: where to look, where the data went, how to stop. */
    private void firstRunHint(int port) {
        LOG.info("open http://localhost:{}/ in a browser (live charts: /dashboard.html); stop with Ctrl+C", port);
        if (storeOptions.embedded() || brokerOptions.embedded()) {
            LOG.info("the embedded parts keep their data in {}", storeOptions.dataDir().toAbsolutePath().normalize());
        }
    }
}
