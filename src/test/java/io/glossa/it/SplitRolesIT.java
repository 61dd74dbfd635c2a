package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.app.BrokerSettings;
import io.glossa.app.MetricsEndpoint;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.app.WorkerRoleSettings;
import io.glossa.store.StoreSettings;
import io.glossa.testing.TestRoles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** `glossa api` and two `glossa worker`s (RabbitMQ + PostgreSQL) share the work; a worker leaving loses nothing. */
class SplitRolesIT {
    @Test
    void apiAndTwoWorkersAnswerEveryText() throws Exception {
        try (ScratchBackends backends = new ScratchBackends()) {
            run(backends.store(), backends.broker());
        }
    }

    private static void run(StoreSettings store, BrokerSettings broker) throws Exception {
        WorkerRoleSettings worker = TestRoles.worker(store, broker, 4);
        try (Running api = Roles.api(TestRoles.api(store, broker));
                Running first = Roles.worker(withMetrics(worker, 0))) {
            Running second = Roles.worker(worker);
            ApiClient client = new ApiClient(api.port());
            List<String> ids = new ArrayList<>(client.submitAll(TestTexts.sentences(300), 32));
            second.close(); // a worker leaves mid-run: its unacked jobs go back to the queue
            ids.addAll(client.submitAll(TestTexts.sentences(300).subList(0, 100), 32));
            List<JsonNode> records = client.awaitAll(ids, Duration.ofSeconds(120));
            assertThat(records).extracting(r -> r.get("status").asText()).containsOnly("done");
            assertThat(client.get("/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void workerMetricsPortServesPrometheusText() throws Exception {
        int port = PipelineKit.freePort();
        try (ScratchBackends backends = new ScratchBackends()) {
            WorkerRoleSettings settings = TestRoles.worker(backends.store(), backends.broker(), 4);
            try (Running worker = Roles.worker(withMetrics(settings, port))) {
                HttpResponse<String> metrics = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("role=\"worker\"");
            }
        }
    }

    private static WorkerRoleSettings withMetrics(WorkerRoleSettings settings, int port) {
        return new WorkerRoleSettings(
                settings.store(),
                settings.broker(),
                settings.worker(),
                Optional.of(new MetricsEndpoint("127.0.0.1", port)));
    }
}
