package io.glossa.app;

import io.glossa.broker.AmqpBroker;
import io.glossa.concurrent.Threads;
import io.glossa.metrics.OutboxGauge;
import io.glossa.metrics.QueueGauges;
import io.glossa.pipeline.OutboxRelay;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.QuestionRules;
import io.glossa.pipeline.RelaySettings;
import io.glossa.pipeline.ResultFanout;
import io.glossa.pipeline.TextSubmission;
import io.glossa.store.JdbcTextStore;
import io.glossa.web.ApiServer;
import io.glossa.web.ReadinessCheck;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the API side of a process: outbox relay, results subscription, HTTP server (used by serve and api). */
final class ApiAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(ApiAssembly.class);
    /** Threads for blocking store reads of long-polls; the HTTP threads never wait on them. */
    private static final int STORE_READERS = 8;

    private ApiAssembly() {}

    static ApiServer start(
            RoleParts parts,
            BrokerSettings brokerSettings,
            FrontSettings front,
            List<ReadinessCheck> extraChecks,
            UiModel model) {
        Lifecycle life = parts.life();
        JdbcTextStore store = parts.store();
        AmqpBroker broker = parts.broker().broker();
        PrometheusMeterRegistry registry = parts.registry();
        PipelineMetrics metrics = parts.metrics();
        HttpSettings http = front.http();
        io.glossa.web.AccessSettings accessSettings =
                allowedHosts(front.access().build(store.database()), http);
        OutboxRelay relay = life.add(
                "outbox relay",
                new OutboxRelay(
                        store,
                        io.glossa.pipeline.TracedPublisher.wrap(
                                broker.jobPublisher(brokerSettings.packing()),
                                parts.tracing(),
                                WorkerAssembly.system(broker),
                                broker.topology().jobsExchange()),
                        RelaySettings.DEFAULT.withLinger(brokerSettings.relayLinger()),
                        Clock.systemUTC(),
                        metrics));
        relay.start();
        LOG.info(
                "outbox relay: started (publishes accepted texts, sweeps the outbox every {} s)",
                RelaySettings.DEFAULT.sweepInterval().toSeconds());

        ResultFanout results = new ResultFanout();
        results.add(event -> {
            java.time.Instant now = java.time.Instant.now();
            metrics.resultObserved(
                    event.status(),
                    event.submittedAt() == null ? null : java.time.Duration.between(event.submittedAt(), now));
            if (event.result() != null) { // a failed job's event carries no completed_at
                metrics.resultEventLag(java.time.Duration.between(event.result().completedAt(), now));
            }
        });
        life.add("results subscription", broker.followResults(results));
        ExecutorService storeReads = Executors.newFixedThreadPool(STORE_READERS, Threads.daemonFactory("store-read"));
        life.add("store readers", storeReads::shutdownNow);

        life.add("outbox gauge", OutboxGauge.start(registry, store::outboxSize, OutboxGauge.DEFAULT_INTERVAL));
        QueueGauges.bind(
                registry,
                broker.topology().queues(),
                () -> broker.queueStatistics().snapshot(),
                Clock.systemUTC());
        List<ReadinessCheck> checks = new ArrayList<>();
        checks.add(new ReadinessCheck(
                "broker",
                () -> relay.brokerHealthy() && broker.queueStatistics().isReady()));
        checks.add(new ReadinessCheck("database", store::isReady));
        ReadinessCheck relayAlive = new ReadinessCheck("outbox relay", relay::alive);
        checks.add(relayAlive);
        checks.addAll(extraChecks);
        // a request may restrict its candidates to the model's labels (an api without a model: every known code)
        QuestionRules questions = new QuestionRules(model.labels().stream()
                .map(io.glossa.model.LabelInfo::code)
                .collect(java.util.stream.Collectors.toSet()));
        TextSubmission submission = new TextSubmission(store, http.limits(), questions, relay, metrics);
        ApiServer server = new ApiServer(
                submission, store, results, checks, registry, http.api(), storeReads, accessSettings, parts.tracing());
        server.with(UiAssembly.routes(life, store, broker, registry, results, model));
        server.withReverifyRoutes(store.database().reverify(Clock.systemUTC()));
        try {
            life.add("http server", server.start(http.host(), http.port()));
        } catch (io.javalin.util.JavalinBindException e) {
            throw new StartupException("cannot listen on " + http.host() + ":" + http.port() + " (" + e.getMessage()
                    + "); choose another port with --port");
        }
        LOG.info("http: API, UI, /metrics, /openapi.json on {}:{}", http.host(), server.port());
        Watchdog.start(life, List.of(relayAlive, server.threadsCheck()));
        return server;
    }

    private static io.glossa.web.AccessSettings allowedHosts(io.glossa.web.AccessSettings settings, HttpSettings http) {
        try {
            io.glossa.web.AccessSettings checked = settings.withAllowedHosts(http.allowedHosts());
            LOG.info(
                    "http: answering requests for {}",
                    checked.allowedHosts().contains("*")
                            ? "any Host (--allowed-hosts names the ones to allow, against DNS rebinding)"
                            : String.join(", ", checked.allowedHosts()));
            return checked;
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
    }
}
