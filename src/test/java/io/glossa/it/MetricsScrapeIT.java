package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.app.MetricsEndpoint;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.app.WorkerRoleSettings;
import io.glossa.testing.GrafanaDashboard;
import io.glossa.testing.PromQlNames;
import io.glossa.testing.Promtool;
import io.glossa.testing.TestRoles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scrapes {@code /metrics} of running processes after real traffic (realtime texts and one batch): every pipeline
 * series deploy/prometheus/METRICS.md lists is there, counters equal the number of texts, each stage histogram counted
 * every text of its lane, and the stage times are consistent with each other. For operators: the HTTP, pool and AMQP
 * client meters are there, promtool accepts the whole page, and every query of the Grafana dashboard
 * (deploy/grafana/glossa.json) reads metrics that exist.
 */
class MetricsScrapeIT {
    private static final int REALTIME = 40;
    private static final int BATCH = 20;
    private static final int TOTAL = REALTIME + BATCH;

    @Test
    void serveExposesEveryStageWithCountsThatMatchTheTexts() throws Exception {
        Path dataDir = Files.createTempDirectory("glossa-metrics-it");
        try (Running serve = Roles.serve(TestRoles.embedded(dataDir))) {
            send(new ApiClient(serve.port()));
            System.gc(); // the GC pause timer appears with the first pause after binding (see below)
            PrometheusScrape metrics = settled(serve.port(), serve.port())[0];
            assertThat(metrics.find("jvm_memory_used_bytes", "role", "serve")).isNotEmpty();
            assertThat(metrics.value("process_files_open_files")).isPositive();
            apiSide(metrics);
            workerSide(metrics);
            clientSide(metrics);
            passesPromtool(metrics);
            dashboardQueriesExistIn(metrics);
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void apiAndWorkerEachExposeTheirStages() throws Exception {
        int workerPort = PipelineKit.freePort();
        try (ScratchBackends backends = new ScratchBackends()) {
            WorkerRoleSettings worker = TestRoles.worker(backends.store(), backends.broker(), 4);
            try (Running api = Roles.api(TestRoles.api(backends.store(), backends.broker()));
                    Running workers = Roles.worker(new WorkerRoleSettings(
                            worker.store(),
                            worker.broker(),
                            worker.worker(),
                            Optional.of(new MetricsEndpoint("127.0.0.1", workerPort))))) {
                send(new ApiClient(api.port()));
                // Micrometer registers the GC pause timer at the first pause after its meters are bound; a run this
                // short may have none, and the dashboard's GC panel would then query nothing
                System.gc();
                PrometheusScrape[] scrapes = settled(api.port(), workerPort);
                assertThat(scrapes[0].find("jvm_memory_used_bytes", "role", "api"))
                        .isNotEmpty();
                assertThat(scrapes[1].find("jvm_memory_used_bytes", "role", "worker"))
                        .isNotEmpty();
                apiSide(scrapes[0]);
                workerSide(scrapes[1]);
                assertThat(scrapes[0].value("glossa_job_store_seconds_count", "lane", "realtime"))
                        .as("the api process stores no results")
                        .isZero();
                clientSide(scrapes[0]);
                assertThat(scrapes[1].value("hikaricp_connections_max", "role", "worker"))
                        .isPositive();
                assertThat(scrapes[1].value("glossa_amqp_acknowledged_total")).isPositive();
                passesPromtool(scrapes[0]);
                passesPromtool(scrapes[1]);
                dashboardQueriesExistIn(scrapes);
            }
        }
    }

    /** {@value #REALTIME} texts one by one (realtime lane) and one batch of {@value #BATCH} on the batch lane. */
    private static void send(ApiClient client) throws Exception {
        List<String> texts = TestTexts.sentences(TOTAL);
        List<String> ids = new ArrayList<>(client.submitAll(texts.subList(0, REALTIME), 8));
        ObjectNode batch = ApiClient.JSON.createObjectNode().put("lane", "batch");
        texts.subList(REALTIME, TOTAL).forEach(batch.putArray("texts")::add);
        var response = client.post(
                "/api/v1/texts:batch", "application/json", batch.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        ApiClient.read(response.body()).get("ids").forEach(id -> ids.add(id.asText()));
        List<JsonNode> records = client.awaitAll(ids, Duration.ofSeconds(120));
        assertThat(records)
                .extracting(r -> r.get("status").asText())
                .hasSize(TOTAL)
                .containsOnly("done");
    }

    /**
     * Scrapes until the counts have caught up with the texts (a client can read a stored result a moment before the
     * worker counts it) and the outbox gauge, polled every few seconds, has seen the empty outbox.
     */
    private static PrometheusScrape[] settled(int apiPort, int workerPort) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            PrometheusScrape api = PrometheusScrape.of(apiPort);
            PrometheusScrape worker = workerPort == apiPort ? api : PrometheusScrape.of(workerPort);
            boolean caughtUp = worker.sum("glossa_results_total", "status", "done") >= TOTAL
                    && api.sum("glossa_results_observed_total", "status", "done") >= TOTAL
                    && api.sum("glossa_outbox_pending") == 0
                    && !api.find("glossa_outbox_pending").isEmpty()
                    && api.sum("glossa_queue_messages", "queue", "glossa.jobs.realtime") == 0
                    && api.sum("glossa_queue_messages", "queue", "glossa.jobs.batch") == 0;
            if (caughtUp || System.nanoTime() > deadline) {
                return new PrometheusScrape[] {api, worker};
            }
            Thread.sleep(250);
        }
    }

    private static void apiSide(PrometheusScrape m) {
        assertThat(m.value("glossa_texts_accepted_total", "lane", "realtime")).isEqualTo(REALTIME);
        assertThat(m.value("glossa_texts_accepted_total", "lane", "batch")).isEqualTo(BATCH);
        assertThat(m.value("glossa_jobs_published_total")).isEqualTo(TOTAL);
        assertThat(m.value("glossa_jobs_publish_failures_total")).isZero();
        assertThat(m.value("glossa_outbox_pending")).isZero();
        histogram(m, "glossa_job_publish_seconds", "realtime", REALTIME);
        histogram(m, "glossa_job_publish_seconds", "batch", BATCH);
        assertThat(m.value("glossa_outbox_batch_publish_seconds_count")).isBetween(1.0, (double) TOTAL);
        assertThat(m.value("glossa_results_observed_total", "status", "done")).isEqualTo(TOTAL);
        assertThat(m.value("glossa_submit_to_result_seconds_count")).isEqualTo(TOTAL);
        assertThat(m.find("glossa_submit_to_result_seconds_bucket", "le", "0.03"))
                .hasSize(1);
        assertThat(m.sum("glossa_predictions_total")).isEqualTo(TOTAL);
        assertThat(m.value("glossa_queue_messages", "queue", "glossa.jobs.realtime"))
                .isZero();
        assertThat(m.value("glossa_queue_messages", "queue", "glossa.jobs.batch"))
                .isZero();
        assertThat(m.value("glossa_queue_messages", "queue", "glossa.failed")).isZero();
        assertThat(m.value("glossa_queue_consumers", "queue", "glossa.jobs.realtime"))
                .isGreaterThanOrEqualTo(1);
    }

    private static void workerSide(PrometheusScrape m) {
        assertThat(m.value("glossa_results_total", "status", "done")).isEqualTo(TOTAL);
        assertThat(m.value("glossa_results_total", "status", "failed")).isZero();
        assertThat(m.value("glossa_predict_seconds_count")).isEqualTo(TOTAL);
        assertThat(m.value("glossa_predict_seconds_sum")).isPositive();
        assertThat(m.find("glossa_model_info")).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(1);
            assertThat(s.labels().get("version")).isNotBlank();
        });
        for (String lane : List.of("realtime", "batch")) {
            int texts = lane.equals("realtime") ? REALTIME : BATCH;
            histogram(m, "glossa_job_queue_wait_seconds", lane, texts);
            histogram(m, "glossa_job_store_seconds", lane, texts);
            histogram(m, "glossa_end_to_end_seconds", lane, texts);
            assertThat(m.find("glossa_end_to_end_seconds_bucket", "lane", lane, "le", "0.03"))
                    .as("a bucket exactly at the 30 ms target")
                    .hasSize(1);
            assertThat(m.value("glossa_jobs_redelivered_total", "lane", lane)).isZero();
            // each job's queue wait and store lie inside its submission -> stored interval
            double endToEnd = m.value("glossa_end_to_end_seconds_sum", "lane", lane);
            assertThat(m.value("glossa_job_queue_wait_seconds_sum", "lane", lane))
                    .isLessThanOrEqualTo(endToEnd);
            assertThat(m.value("glossa_job_store_seconds_sum", "lane", lane)).isLessThanOrEqualTo(endToEnd);
        }
    }

    /**
     * The meters of the clients around the pipeline: HTTP requests by route template (one POST per realtime text,
     * one batch request), the database pool and the AMQP client.
     */
    private static void clientSide(PrometheusScrape m) {
        assertThat(m.value(
                        "http_server_requests_seconds_count",
                        "method",
                        "POST",
                        "uri",
                        "/api/v1/texts",
                        "status",
                        "202"))
                .isEqualTo(REALTIME);
        assertThat(m.value(
                        "http_server_requests_seconds_count",
                        "method",
                        "POST",
                        "uri",
                        "/api/v1/texts:batch",
                        "status",
                        "202"))
                .isEqualTo(1);
        assertThat(m.find("http_server_requests_seconds_count").stream()
                        .map(s -> s.labels().get("uri")))
                .as("route templates, never raw paths")
                .noneMatch(uri -> uri.matches(".*[0-9a-f]{8}-[0-9a-f]{4}.*"));
        assertThat(m.value("hikaricp_connections_max", "pool", "glossa-store")).isPositive();
        assertThat(m.value("hikaricp_connections_acquire_seconds_count")).isPositive();
        assertThat(m.value("glossa_amqp_connections")).isPositive();
        assertThat(m.value("glossa_amqp_published_total")).isPositive();
        assertThat(m.value("glossa_amqp_acknowledged_published_total")).isPositive();
    }

    /** {@code promtool check metrics} on the whole page: names, units, help texts (fails without promtool). */
    private static void passesPromtool(PrometheusScrape m) throws Exception {
        Promtool.Outcome outcome = Promtool.checkMetrics(m.text());
        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
    }

    /** Every metric that a panel of deploy/grafana/glossa.json queries is exposed by one of these processes. */
    private static void dashboardQueriesExistIn(PrometheusScrape... scrapes) throws Exception {
        Set<String> exposed = new HashSet<>();
        for (PrometheusScrape scrape : scrapes) {
            scrape.samples().forEach(sample -> exposed.add(sample.name()));
        }
        GrafanaDashboard dashboard = GrafanaDashboard.read(Path.of("deploy", "grafana", "glossa.json"));
        assertThat(dashboard.queries()).hasSizeGreaterThan(20);
        List<String> missing = new ArrayList<>();
        for (GrafanaDashboard.Query query : dashboard.queries()) {
            Set<String> names = PromQlNames.of(query.expression());
            assertThat(names).as("metrics of " + query).isNotEmpty();
            names.stream()
                    .filter(name -> !exposed.contains(name))
                    .forEach(name -> missing.add(query.panel() + ": " + name));
        }
        assertThat(missing)
                .as("dashboard queries of metrics no process exposes")
                .isEmpty();
    }

    /** count = the texts of the lane, the +Inf bucket agrees, and the mean is positive and below a minute. */
    private static void histogram(PrometheusScrape m, String name, String lane, int texts) {
        assertThat(m.value(name + "_count", "lane", lane))
                .as(name + " count, " + lane)
                .isEqualTo(texts);
        assertThat(m.value(name + "_bucket", "lane", lane, "le", "+Inf")).isEqualTo(texts);
        double mean = m.value(name + "_sum", "lane", lane) / texts;
        assertThat(mean).as(name + " mean seconds, " + lane).isPositive().isLessThan(60);
    }
}
