package io.glossa.cli;

import io.glossa.broker.BrokerSession;
import io.glossa.metrics.MetricsRegistry;
import io.glossa.metrics.MicrometerPipelineMetrics;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.store.JdbcTextStore;
import io.glossa.web.ApiServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code glossa api}: the HTTP API and outbox relay only; workers run elsewhere ({@code glossa worker}). */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = {"Run the HTTP API, UI and outbox relay, without workers.",
                "Run 'glossa worker' processes beside it.",
                "Needs --db-url (PostgreSQL), since workers in other processes must reach the same database.",
                "Without --amqp-uri it starts the embedded broker on 127.0.0.1:5673 for workers on this machine."})
public final class ApiCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiCommand.class);

    @Spec CommandSpec spec;
    @Mixin StoreOptions storeOptions;
    @Mixin BrokerOptions brokerOptions;
    @Mixin HttpOptions http;
    @Mixin AccessOptions access;
    @Mixin RetentionOption retention;
    @Mixin TracingOptions tracingOptions;

    @Override
    public Integer call() throws InterruptedException {
        return start().serveUntilStopped();
    }

    public Running start() {
        if (storeOptions.embedded()) {
            throw new ParameterException(spec.commandLine(), "api needs --db-url (or GLOSSA_DB_URL): the PostgreSQL "
                    + "database its workers on other machines share; use 'glossa serve' to run everything in one process");
        }
        Lifecycle life = new Lifecycle();
        try {
            io.glossa.pipeline.Tracing tracing = life.add("tracing", tracingOptions.open("api"));
            PrometheusMeterRegistry registry = MetricsRegistry.create("api");
            PipelineMetrics metrics = new MicrometerPipelineMetrics(registry);
            JdbcTextStore store = Parts.store(life, storeOptions, registry);
            retention.start(life, store);
            BrokerSession broker = Parts.broker(life, brokerOptions, storeOptions, "api", registry);
            ApiServer server = ApiAssembly.start(life, store, broker.broker(), brokerOptions.jobPacking(), http, access, registry, metrics, List.of(),
                    UiModel.withoutModel(), tracing);
            LOG.info("glossa api serving on http://localhost:{}", server.port());
            return new Running(life, store, broker, Optional.of(server));
        } catch (RuntimeException e) {
            life.close();
            throw e;
        }
    }
}
