package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.app.Running;
import io.glossa.client.GlossaClient;
import io.glossa.client.GlossaClientException;
import io.glossa.client.GlossaRpc;
import io.glossa.client.Question;
import io.glossa.client.TextResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The clients under clients/ (Python with pika and urllib, Node.js with amqplib and fetch) and the Java client
 * (io.glossa.client), each against the kit's running glossa serve: confirmed publish of outside jobs, RPC, HTTP.
 * {@link PipelineKit} implements it, so every broker and database the pipeline kit runs on runs these too.
 */
interface ClientsKit {
    String PYTHON = "/usr/bin/python3";
    String SWEDISH = "Det var en gång en liten flicka som bodde i en stuga vid skogen tillsammans med sin mormor.";
    String FINNISH = "Tänään on kaunis päivä ja lähdemme kävelylle metsään ystävien kanssa.";

    /** The running serve. */
    Running serve();

    /** The broker as an AMQP URI with its vhost, for clients. */
    String clientAmqpUri();

    private ApiClient api() {
        return new ApiClient(serve().port());
    }

    private String base() {
        return "http://127.0.0.1:" + serve().port();
    }

    private static Path clients() {
        return Path.of("clients").toAbsolutePath();
    }

    @Test
    default void pythonPublishesWithConfirmsAndGetsRpcAndHttpAnswers() throws Exception {
        Path dir = clients().resolve("python");
        ExternalRun publish =
                ExternalRun.of(dir, Map.of(), PYTHON, "glossa_amqp.py", "publish", clientAmqpUri(), SWEDISH, FINNISH);
        assertThat(publish.exitCode()).as(publish.output()).isZero();
        List<String> ids = publish.output().lines().toList();
        assertThat(ids).hasSize(2);
        assertThat(languages(ids)).containsExactly("sv", "fi");

        ExternalRun rpc = ExternalRun.of(dir, Map.of(), PYTHON, "glossa_amqp.py", "rpc", clientAmqpUri(), SWEDISH);
        assertThat(rpc.exitCode()).as(rpc.output()).isZero();
        JsonNode reply = ApiClient.read(rpc.output());
        assertThat(reply.get("status").asText()).isEqualTo("done");
        assertThat(reply.get("language").asText()).isEqualTo("sv");

        ExternalRun http = ExternalRun.of(dir, Map.of(), PYTHON, "glossa_http.py", base(), FINNISH);
        assertThat(http.exitCode()).as(http.output()).isZero();
        assertThat(ApiClient.read(http.output()).get("language").asText()).isEqualTo("fi");
    }

    @Test
    default void nodePublishesWithConfirmsAndGetsRpcAndHttpAnswers() throws Exception {
        Path dir = Files.createTempDirectory("glossa-node-client");
        for (String file : List.of("glossa.js", "package.json", "package-lock.json")) {
            Files.copy(clients().resolve("node").resolve(file), dir.resolve(file));
        }
        ExternalRun install = ExternalRun.of(dir, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        assertThat(install.exitCode()).as(install.output()).isZero();

        ExternalRun publish =
                ExternalRun.of(dir, Map.of(), "node", "glossa.js", "publish", clientAmqpUri(), SWEDISH, FINNISH);
        assertThat(publish.exitCode()).as(publish.output()).isZero();
        assertThat(languages(publish.output().lines().toList())).containsExactly("sv", "fi");

        ExternalRun rpc = ExternalRun.of(dir, Map.of(), "node", "glossa.js", "rpc", clientAmqpUri(), FINNISH);
        assertThat(rpc.exitCode()).as(rpc.output()).isZero();
        assertThat(ApiClient.read(rpc.output()).get("language").asText()).isEqualTo("fi");

        ExternalRun http = ExternalRun.of(dir, Map.of(), "node", "glossa.js", "http", base(), SWEDISH);
        assertThat(http.exitCode()).as(http.output()).isZero();
        assertThat(ApiClient.read(http.output()).get("language").asText()).isEqualTo("sv");
    }

    @Test
    default void theJavaClientSubmitsWaitsStreamsAndCallsByRpc() throws Exception {
        GlossaClient glossa = new GlossaClient(java.net.URI.create(base()), null);
        List<TextResult> streamed = new CopyOnWriteArrayList<>();
        try (var events = glossa.events(streamed::add)) {
            TextResult swedish = glossa.predict(SWEDISH, Duration.ofSeconds(30));
            assertThat(swedish.status()).isEqualTo("done");
            assertThat(swedish.language()).isEqualTo("sv");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (streamed.stream().noneMatch(r -> r.id().equals(swedish.id())) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(streamed)
                    .as("the result on the event stream")
                    .anySatisfy(r -> assertThat(r.id()).isEqualTo(swedish.id()));
        }
        String key = UUID.randomUUID().toString();
        TextResult first = glossa.submit(FINNISH, new Question(List.of("fi", "et"), 1), Duration.ofSeconds(20), key);
        TextResult again = glossa.submit(FINNISH, new Question(List.of("fi", "et"), 1), Duration.ofSeconds(20), key);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(glossa.await(first.id(), Duration.ofSeconds(20)).top()).hasSize(1);
        assertThatThrownBy(() -> glossa.submit(FINNISH, new Question(List.of("klingon"), 0), Duration.ZERO, "k2"))
                .isInstanceOfSatisfying(GlossaClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("/problems/invalid-field");
                    assertThat(e.getMessage()).contains("languages[0]");
                });

        try (GlossaRpc rpc = new GlossaRpc(clientAmqpUri(), "glossa")) {
            TextResult answer = rpc.predict(FINNISH, Duration.ofSeconds(30));
            assertThat(answer.language()).isEqualTo("fi");
            assertThat(ApiClient.read(api().get("/api/v1/texts/" + answer.id()).body())
                            .get("status")
                            .asText())
                    .isEqualTo("done");
        }
    }

    /** The answered languages of these ids, in order, waiting for each. */
    private List<String> languages(List<String> ids) throws Exception {
        List<String> languages = new ArrayList<>();
        for (String id : ids) {
            // an outside job's text exists once a worker took it: until then the API answers 404
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (api().get("/api/v1/texts/" + id.trim()).statusCode() == 404 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            JsonNode record = api().awaitOne(id.trim(), deadline);
            assertThat(record.get("status").asText()).as(record.toString()).isEqualTo("done");
            languages.add(record.get("language").asText());
        }
        return languages;
    }
}
