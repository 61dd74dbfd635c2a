package io.glossa.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.testing.JarProcess;
import io.glossa.testing.SyntheticCorpus;
import io.glossa.testing.TestModels;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every admin command on the data dir of a running {@code glossa serve} (embedded broker and database), as the
 * separate processes an operator starts: keys, models, reverify, evaluate and train on feedback. A key revoked from
 * another process stops working within serve's key cache period; a model activated from another process is the one
 * the workers answer with next.
 */
class AdminBesideServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("gk_[A-Za-z0-9_-]{43}");
    private static final Duration KEY_CACHE = Duration.ofSeconds(2);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    private Path dataDir;
    private int amqpPort;

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void adminCommandsWorkBesideARunningServe() throws Exception {
        dataDir = work.resolve("data");
        int port = freePort();
        amqpPort = freePort();
        String base = "http://127.0.0.1:" + port;
        try (JarProcess serve = JarProcess.start(
                "serve",
                JarProcess.packagedJar(),
                work.resolve("logs"),
                Map.of(),
                "serve",
                "--data-dir",
                dataDir.toString(),
                "--port",
                String.valueOf(port),
                "--host",
                "127.0.0.1",
                "--amqp-port",
                String.valueOf(amqpPort),
                "--workers",
                "2",
                "--require-api-key",
                "--api-key-cache",
                KEY_CACHE.toSeconds() + "s",
                "--model-check-interval",
                "2s")) {
            serve.awaitHttpOk(URI.create(base + "/ready"), Duration.ofMinutes(3));

            String key = created(admin("keys", "create", "--name", "ops"));
            assertThat(admin("keys", "list")).contains("ops");
            List<String> ids = new ArrayList<>();
            for (String text : List.of(
                    "Det här är en mening på svenska.",
                    "Dette er en setning på norsk bokmål.",
                    "Ceci est une phrase en français.")) {
                ids.add(submit(base, key, text));
            }
            String firstModel =
                    awaitDone(base, key, ids.get(0)).get("model_version").asText();
            post(base + "/api/v1/texts/" + ids.get(1) + "/feedback", key, "{\"language\":\"no\"}");

            assertThat(admin("models", "list")).contains(firstModel);
            Path newer = Files.write(work.resolve("newer.glossa"), TestModels.otherVersion("2027-01-01T00:00:00Z"));
            String newerVersion = TestModels.version(Files.readAllBytes(newer));
            admin("models", "add", newer.toString(), "--note", "added beside serve");
            assertThat(admin("models", "activate", newerVersion)).contains("activated " + newerVersion);
            assertThat(answeredBy(base, key, newerVersion))
                    .as("a text after the activation")
                    .isTrue();

            assertThat(admin("reverify", "--all", "--out", work.toString())).contains("re-verify");
            JsonNode scored = JSON.readTree(jsonLine(admin("evaluate", "--feedback", "--json")));
            assertThat(scored.get("n").asInt())
                    .as("the one label given through serve")
                    .isEqualTo(1);
            Path corpus = Files.writeString(
                    work.resolve("corpus.tsv"),
                    SyntheticCorpus.toTsv(SyntheticCorpus.texts(100, 5)),
                    StandardCharsets.UTF_8);
            admin(
                    "train",
                    "--data",
                    corpus.toString(),
                    "--feedback",
                    "--out",
                    work.resolve("m.glossa").toString());
            assertThat(work.resolve("m.glossa")).exists();

            admin("keys", "revoke", "1");
            long revokedAt = System.nanoTime();
            while (status(base, key) != 401) {
                assertThat(Duration.ofNanos(System.nanoTime() - revokedAt))
                        .as("a revoked key stops working within the key cache period")
                        .isLessThan(KEY_CACHE.multipliedBy(3));
                Thread.sleep(100);
            }
        }
    }

    /** Runs an admin command on the data dir as its own process; returns its output, failing on a non-zero exit. */
    private String admin(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dataDir.toString()));
        if (args[0].equals("reverify")
                || List.of("activate", "rollback", "shadow").contains(args[1])) {
            all.addAll(List.of("--amqp-port", String.valueOf(amqpPort)));
        }
        JarProcess command = JarProcess.start(
                args[0] + "-" + System.nanoTime(),
                JarProcess.packagedJar(),
                work.resolve("logs"),
                Map.of(),
                all.toArray(String[]::new));
        int exit = command.awaitExit(Duration.ofMinutes(5));
        String output = command.output();
        assertThat(exit)
                .as(String.join(" ", args) + " beside serve:\n" + output)
                .isZero();
        return output;
    }

    /** The JSON report among the log lines (the output holds stdout and stderr together). */
    private static String jsonLine(String output) {
        return output.lines()
                .filter(line -> line.startsWith("{"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(output));
    }

    private static String created(String output) {
        Matcher matcher = KEY.matcher(output);
        assertThat(matcher.find()).as(output).isTrue();
        return matcher.group();
    }

    private String submit(String base, String key, String text) throws Exception {
        HttpResponse<String> response = post(
                base + "/api/v1/texts",
                key,
                JSON.createObjectNode().put("text", text).toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asText();
    }

    private JsonNode awaitDone(String base, String key, String id) throws Exception {
        for (int i = 0; i < 30; i++) {
            JsonNode record = JSON.readTree(
                    get(base + "/api/v1/texts/" + id + "?wait=5s", key).body());
            if ("done".equals(record.path("status").asText())) {
                return record;
            }
        }
        throw new AssertionError("text " + id + " not done");
    }

    /** Submits texts until one is answered by {@code version} (workers switch between jobs), within a minute. */
    private boolean answeredBy(String base, String key, String version) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            String id = submit(base, key, "Das ist ein Satz auf Deutsch.");
            if (version.equals(awaitDone(base, key, id).get("model_version").asText())) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private int status(String base, String key) throws Exception {
        return post(base + "/api/v1/texts", key, "{\"text\":\"still allowed?\"}")
                .statusCode();
    }

    private HttpResponse<String> post(String url, String key, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String key) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + key)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
