package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.cli.ApiCommand;
import io.glossa.cli.Running;
import io.glossa.cli.WorkerCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** `glossa api` and two `glossa worker`s (RabbitMQ + PostgreSQL) share the work; a worker leaving loses nothing. */
class SplitRolesIT {
    @Test
    void apiAndTwoWorkersAnswerEveryText() throws Exception {
        Path dataDir = Files.createTempDirectory("glossa-split-it");
        List<String> common = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        try (ScratchBackends backends = new ScratchBackends()) {
            common.addAll(backends.args());
            run(common);
        } finally {
            Files.deleteIfExists(dataDir);
        }
    }

    private static void run(List<String> common) throws Exception {
        try (Running api = start(new ApiCommand(), common, "--port", "0", "--host", "127.0.0.1");
             Running first = start(new WorkerCommand(), common, "--workers", "4", "--metrics-port", "0")) {
            Running second = start(new WorkerCommand(), common, "--workers", "4");
            ApiClient client = new ApiClient(api.port());
            List<String> ids = new ArrayList<>(client.submitAll(TestTexts.sentences(300), 32));
            second.close();   // a worker leaves mid-run: its unacked jobs go back to the queue
            ids.addAll(client.submitAll(TestTexts.sentences(300).subList(0, 100), 32));
            List<JsonNode> records = client.awaitAll(ids, Duration.ofSeconds(120));
            assertThat(records).extracting(r -> r.get("status").asText()).containsOnly("done");
            assertThat(client.get("/ready").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void workerMetricsPortServesPrometheusText() throws Exception {
        Path dataDir = Files.createTempDirectory("glossa-split-it");
        int port = PipelineKit.freePort();
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
        try (ScratchBackends backends = new ScratchBackends()) {
            args.addAll(backends.args());
            try (Running worker = start(new WorkerCommand(), args, "--metrics-port", String.valueOf(port))) {
                HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.statusCode()).isEqualTo(200);
                assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("role=\"worker\"");
            }
        } finally {
            Files.deleteIfExists(dataDir);
        }
    }

    private static Running start(Object command, List<String> common, String... more) {
        List<String> args = new ArrayList<>(common);
        args.addAll(List.of(more));
        if (command instanceof WorkerCommand) {
            args.addAll(TestTexts.modelArgs());
        }
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return command instanceof ApiCommand a ? a.start() : ((WorkerCommand) command).start();
    }

}
