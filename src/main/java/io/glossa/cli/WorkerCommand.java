package io.glossa.cli;

import io.glossa.broker.BrokerSession;
import io.glossa.metrics.QueueGauges;
import java.time.Clock;
import io.glossa.metrics.MetricsRegistry;
import io.glossa.metrics.MicrometerPipelineMetrics;
import io.glossa.model.LanguageModel;
import io.glossa.registry.ActiveModels;
import io.glossa.store.JdbcTextStore;
import io.glossa.web.MetricsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glossa worker}: consumes jobs, predicts, stores results; start as many as you like, anywhere. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Consume jobs, predict, store results; start any number, anywhere.",
                "Needs --amqp-uri (RabbitMQ, or amqp://guest:guest@127.0.0.1:5673 for the embedded broker of a running",
                "'glossa serve'/'glossa api') and --db-url (PostgreSQL, the database of a deployment across machines)."})
public final class WorkerCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);

    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;
    @Mixin BrokerOptions brokerOptions;
    @Mixin WorkerOptions workerOptions;
    @Mixin ModelOption modelOption;
    @Mixin TracingOptions tracingOptions;

    @picocli.CommandLine.Option(names = "--metrics-port", defaultValue = "${env:GLOSSA_METRICS_PORT:--1}", paramLabel = "PORT",
            description = "Serve /metrics, /health and /ready on this port (env GLOSSA_METRICS_PORT; 0 picks a free one; "
                    + "default: none).")
    int metricsPort;

    @picocli.CommandLine.Option(names = "--metrics-host", defaultValue = "${env:GLOSSA_METRICS_HOST:-127.0.0.1}",
            paramLabel = "ADDRESS", description = "Address the metrics port listens on (env GLOSSA_METRICS_HOST; "
                    + "default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for a Prometheus elsewhere).")
    String metricsHost;

    @Override
    public Integer call() throws InterruptedException {
        return start().serveUntilStopped();
    }

    public Running start() {
        if (metricsPort < -1 || metricsPort > 65535) {
            throw new ParameterException(spec.commandLine(), "--metrics-port must be between 0 and 65535, got " + metricsPort);
        }
        if (brokerOptions.embedded()) {
            throw new ParameterException(spec.commandLine(), "worker needs --amqp-uri (or GLOSSA_AMQP_URI), e.g. "
                    + "amqp://guest:guest@127.0.0.1:5673 for the embedded broker of a running 'glossa serve'");
        }
        if (storeOptions.embedded()) {
            throw new ParameterException(spec.commandLine(), "worker needs --db-url (or GLOSSA_DB_URL): separate "
                    + "workers share a PostgreSQL database; on one machine, give 'glossa serve' more --workers instead");
        }
        Lifecycle life = new Lifecycle();
        try {
            io.glossa.pipeline.Tracing tracing = life.add("tracing", tracingOptions.open("worker"));
            PrometheusMeterRegistry registry = MetricsRegistry.create("worker");
            MicrometerPipelineMetrics metrics = new MicrometerPipelineMetrics(registry);
            LanguageModel model = Parts.model(modelOption);
            JdbcTextStore store = Parts.store(life, storeOptions, registry);
            BrokerSession broker = Parts.broker(life, brokerOptions, storeOptions, "worker", registry);
            QueueGauges.bind(registry, broker.broker().topology().queues(),
                    () -> broker.broker().queueStatistics().snapshot(), Clock.systemUTC());
            ActiveModels models = ModelDistribution.start(life, store.database(), broker.broker(), model, "worker",
                    registry, workerOptions.modelCheckInterval());
            WorkerAssembly.start(life, store, broker.broker(), models,
                    brokerOptions.consumerSettings(workerOptions.workerThreads()), workerOptions.topK(), metrics, tracing);
            if (metricsPort >= 0) {
                MetricsServer server = life.add("metrics server", new MetricsServer(registry,
                        () -> store.isReady() && broker.broker().queueStatistics().isReady()).start(metricsHost, metricsPort));
                LOG.info("metrics: /metrics, /health, /ready on {}:{}", metricsHost, server.port());
            }
            LOG.info("glossa worker running");
            return new Running(life, store, broker, Optional.empty());
        } catch (RuntimeException e) {
            life.close();
            throw e;
        }
    }
}
