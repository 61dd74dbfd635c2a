package io.glossa.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.testing.JarProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar as an operator uses it: {@code glossa serve --require-api-key} on RabbitMQ + PostgreSQL, keys made
 * and revoked with {@code glossa keys} while it runs. Both passwords (an AMQP user of its own, the database
 * password) must never show in the logs or in /ready.
 */
class ApiKeysServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aKeyFromKeysCreateWorksAgainstARunningServeUntilRevoked() throws Exception {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String amqpUser = "glossa_sec_" + tag;
        String amqpPassword = "amqp-secret-" + tag;
        String dbPassword = "db-secret-" + tag;
        Path jar =
                Path.of(System.getProperty("glossa.jar", "target/glossa.jar")).toAbsolutePath();
        Path work = Files.createTempDirectory("glossa-keys-it");
        rabbitmqctl("add_vhost", amqpUser);
        try (ScratchDatabase db = ScratchDatabase.create("keys")) {
            rabbitmqctl("add_user", amqpUser, amqpPassword);
            rabbitmqctl("set_permissions", "-p", amqpUser, amqpUser, ".*", ".*", ".*");
            // the database password comes from the environment (PostgreSQL here trusts local users, so any works)
            Map<String, String> env =
                    Map.of("GLOSSA_DB_PASSWORD", dbPassword, "GLOSSA_DB_URL", db.url(), "GLOSSA_DB_USER", db.user());
            int port = freePort();
            String amqpUri = "amqp://" + amqpUser + ":" + amqpPassword + "@127.0.0.1:5672/" + amqpUser;
            List<String> logs = new ArrayList<>();
            try (JarProcess serve = JarProcess.start(
                    "serve",
                    jar,
                    work,
                    env,
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(port),
                    "--data-dir",
                    work.resolve("data").toString(),
                    "--amqp-uri",
                    amqpUri,
                    "--require-api-key",
                    "--api-key-cache",
                    "0s",
                    "--workers",
                    "2")) {
                String base = "http://127.0.0.1:" + port;
                serve.awaitHttpOk(URI.create(base + "/ready"), Duration.ofSeconds(180));
                HttpResponse<String> ready = HTTP.send(get(base + "/ready").build(), BodyHandlers.ofString());
                assertThat(ready.body()).doesNotContain(amqpPassword).doesNotContain(dbPassword);
                assertThat(HTTP.send(get(base + "/api/v1/languages").build(), BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(401);

                JarProcess create = JarProcess.start("keys-create", jar, work, env, "keys", "create", "--name", "it");
                assertThat(create.awaitExit(Duration.ofSeconds(120)))
                        .as(create.tail())
                        .isZero();
                String key = keyIn(create.output());
                logs.add(create.output());

                HttpResponse<String> accepted = HTTP.send(
                        post(base + "/api/v1/texts", "{\"text\":\"Hej, hur mår du idag?\"}")
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        BodyHandlers.ofString());
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                String id = JSON.readTree(accepted.body()).get("id").asText();
                JsonNode record = awaitDone(base + "/api/v1/texts/" + id + "?wait=10s", key);
                assertThat(record.get("language").asText()).isEqualTo("sv");

                JarProcess slow = JarProcess.start(
                        "keys-create-slow",
                        jar,
                        work,
                        env,
                        "keys",
                        "create",
                        "--name",
                        "slow",
                        "--rate-limit",
                        "1/h",
                        "--rate-burst",
                        "1");
                assertThat(slow.awaitExit(Duration.ofSeconds(120)))
                        .as(slow.tail())
                        .isZero();
                String slowKey = keyIn(slow.output());
                assertThat(HTTP.send(
                                        get(base + "/api/v1/languages")
                                                .header("X-API-Key", slowKey)
                                                .build(),
                                        BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(200);
                HttpResponse<String> limited = HTTP.send(
                        get(base + "/api/v1/languages")
                                .header("X-API-Key", slowKey)
                                .build(),
                        BodyHandlers.ofString());
                assertThat(limited.statusCode()).isEqualTo(429);
                assertThat(limited.headers().firstValue("Retry-After")).isPresent();

                JarProcess revoke =
                        JarProcess.start("keys-revoke", jar, work, env, "keys", "revoke", keyId(create.output()));
                assertThat(revoke.awaitExit(Duration.ofSeconds(120)))
                        .as(revoke.tail())
                        .isZero();
                logs.add(revoke.output());
                HttpResponse<String> refused = HTTP.send(
                        get(base + "/api/v1/languages")
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(JSON.readTree(refused.body()).get("type").asText()).isEqualTo("/problems/api-key-invalid");
                logs.add(serve.output());
            }
            for (String log : logs) {
                assertThat(log).doesNotContain(amqpPassword).doesNotContain(dbPassword);
            }
            assertThat(logs.get(logs.size() - 1)).contains("API keys required");
        } finally {
            rabbitmqctl("delete_vhost", amqpUser);
            rabbitmqctlQuietly("delete_user", amqpUser);
        }
    }

    private static JsonNode awaitDone(String url, String key) throws Exception {
        for (int round = 0; round < 12; round++) {
            HttpResponse<String> response =
                    HTTP.send(get(url).header("X-API-Key", key).build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode record = JSON.readTree(response.body());
            if (!record.get("status").asText().equals("pending")) {
                return record;
            }
        }
        throw new AssertionError("no result for " + url + " after 12 long-polls");
    }

    /** The key is the one stdout line starting gk_ (the log lines and the note go to stderr, merged in this log). */
    private static String keyIn(String output) {
        return output.lines()
                .filter(line -> line.startsWith("gk_"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no key in:\n" + output));
    }

    private static String keyId(String output) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("created API key (\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return m.group(1);
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    }

    private static HttpRequest.Builder post(String url, String json) {
        return get(url).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void rabbitmqctl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
        }
    }

    private static void rabbitmqctlQuietly(String... args) {
        try {
            rabbitmqctl(args);
        } catch (Exception e) {
            // cleanup only: a leftover test user on the shared broker is harmless
        }
    }
}
