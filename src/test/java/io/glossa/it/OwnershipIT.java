package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.access.ApiKeys;
import io.glossa.access.IssuedKey;
import io.glossa.access.KeyScope;
import io.glossa.app.AccessPolicy;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.pipeline.FeedbackLabel;
import io.glossa.testing.TestRoles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 1, replayed: key "bob" read key "alice"'s text by id, found it in the history, relabelled it (so
 * that {@code train --feedback} would learn his label) and saw her results on the event stream. Now each key sees
 * only its own, an admin key sees everything, and without required keys nothing changes: on the embedded store
 * with {@code serve}, and on PostgreSQL and RabbitMQ.
 */
class OwnershipIT {
    /** --require-api-key, with the default key cache. */
    private static final AccessPolicy KEYS = AccessPolicy.keysRequired().withKeyCache(Duration.ofSeconds(10));

    private static final String SECRET = "alice private: my bank PIN is 4711";
    private static final Duration RESULT_WITHIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void eachKeySeesOnlyItsOwnOnTheEmbeddedStore() throws Exception {
        try (Running serve = Roles.serve(TestRoles.withAccess(TestRoles.embedded(dataDir), KEYS))) {
            replayTheAttack(serve);
        }
    }

    @Test
    void eachKeySeesOnlyItsOwnOnPostgresAndRabbitMq() throws Exception {
        try (ScratchBackends backends = new ScratchBackends()) {
            try (Running serve =
                    Roles.serve(TestRoles.withAccess(TestRoles.serve(backends.store(), backends.broker(), 2), KEYS))) {
                replayTheAttack(serve);
            }
        }
    }

    @Test
    void withoutRequiredKeysEverythingWorksAsBefore() throws Exception {
        try (Running serve = Roles.serve(TestRoles.embedded(dataDir));
                EventStreamClient stream = EventStreamClient.open(serve.port(), null)) {
            Client anyone = new Client(serve.port(), null);
            String id = anyone.submit(SECRET);
            assertThat(anyone.awaitDone(id).get("status").asText()).isEqualTo("done");
            assertThat(stream.awaitLine(id, RESULT_WITHIN))
                    .as("the event stream shows every result")
                    .isTrue();
            assertThat(anyone.history()).contains(id);
            assertThat(anyone.feedback(id, "sv").statusCode()).isEqualTo(201);
            assertThat(anyone.get("/api/v1/stats").statusCode()).isEqualTo(200);
            assertThat(labels(serve)).extracting(FeedbackLabel::text).containsExactly(SECRET);
        }
    }

    private static void replayTheAttack(Running serve) throws Exception {
        ApiKeys keys = PipelineKit.keys(serve);
        IssuedKey aliceKey = keys.issue("alice", Optional.empty());
        IssuedKey bobKey = keys.issue("bob", Optional.empty());
        IssuedKey opsKey = keys.issue("ops", Optional.empty(), KeyScope.ADMIN);
        Client alice = new Client(serve.port(), aliceKey.secret());
        Client bob = new Client(serve.port(), bobKey.secret());
        Client ops = new Client(serve.port(), opsKey.secret());
        try (EventStreamClient aliceStream = EventStreamClient.open(serve.port(), aliceKey.secret());
                EventStreamClient bobStream = EventStreamClient.open(serve.port(), bobKey.secret());
                EventStreamClient opsStream = EventStreamClient.open(serve.port(), opsKey.secret())) {
            String secret = alice.submit(SECRET);
            assertThat(alice.awaitDone(secret).get("status").asText()).isEqualTo("done");
            assertThat(aliceStream.awaitLine(secret, RESULT_WITHIN))
                    .as("alice sees her result live")
                    .isTrue();
            assertThat(opsStream.awaitLine(secret, RESULT_WITHIN))
                    .as("so does the admin key")
                    .isTrue();

            // bob: by id, long-poll, history and relabelling all answer as if the text did not exist
            String unknown = UUID.randomUUID().toString();
            assertSameAsUnknown(
                    bob.get("/api/v1/texts/" + secret), bob.get("/api/v1/texts/" + unknown), secret, unknown);
            long start = System.nanoTime();
            HttpResponse<String> polled = bob.get("/api/v1/texts/" + secret + "?wait=20s");
            assertSameAsUnknown(polled, bob.get("/api/v1/texts/" + unknown + "?wait=20s"), secret, unknown);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("a long-poll on another key's text does not wait")
                    .isLessThan(Duration.ofSeconds(10));
            assertSameAsUnknown(bob.feedback(secret, "de"), bob.feedback(unknown, "de"), secret, unknown);
            assertThat(bob.get("/api/v1/texts?limit=100").body())
                    .doesNotContain(secret)
                    .doesNotContain("4711");

            // bob's own text: he sees it, alice does not; his stream got his result but never hers
            String bobs = bob.submit("Guten Morgen, wie geht es dir heute?");
            assertThat(bob.awaitDone(bobs).get("status").asText()).isEqualTo("done");
            assertThat(bobStream.awaitLine(bobs, RESULT_WITHIN)).isTrue();
            assertThat(opsStream.awaitLine(bobs, RESULT_WITHIN)).isTrue();
            assertThat(bobStream.saw(secret))
                    .as("bob's stream never carried alice's result")
                    .isFalse();
            assertThat(aliceStream.saw(bobs))
                    .as("alice's stream never carried bob's")
                    .isFalse();
            assertThat(bob.history()).containsExactly(bobs);
            assertThat(alice.history()).containsExactly(secret);
            assertThat(alice.get("/api/v1/texts/" + bobs).statusCode()).isEqualTo(404);

            // alice labels her own text; the admin key reads, lists and labels everything
            assertThat(alice.feedback(secret, "sv").statusCode()).isEqualTo(201);
            assertThat(ops.get("/api/v1/texts/" + secret).body()).contains(secret);
            assertThat(ops.history()).contains(secret, bobs);
            assertThat(ops.feedback(bobs, "de").statusCode()).isEqualTo(201);
            assertThat(labels(serve))
                    .as("what train --feedback learns from: no label of bob's on alice's text")
                    .extracting(FeedbackLabel::textId, FeedbackLabel::language)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(UUID.fromString(secret), "sv"),
                            org.assertj.core.groups.Tuple.tuple(UUID.fromString(bobs), "de"));

            // the operators' routes show every key's traffic: admin only
            HttpResponse<String> forbidden = bob.get("/api/v1/stats");
            assertThat(forbidden.statusCode()).isEqualTo(403);
            assertThat(forbidden.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(forbidden.body()).get("detail").asText()).contains("glossa keys create --admin");
            assertThat(bob.get("/api/v1/reverify").statusCode()).isEqualTo(403);
            assertThat(ops.get("/api/v1/stats").statusCode()).isEqualTo(200);
            assertThat(ops.get("/api/v1/reverify").statusCode()).isEqualTo(200);
        }
    }

    /** Another key's id must answer exactly as an unknown one: same status, type, title, and detail but for the id. */
    private static void assertSameAsUnknown(
            HttpResponse<String> other, HttpResponse<String> unknown, String otherId, String unknownId)
            throws Exception {
        assertThat(other.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
        assertThat(other.body()).doesNotContain("4711");
        JsonNode seen = JSON.readTree(other.body().replace(otherId, "ID"));
        assertThat(seen).isEqualTo(JSON.readTree(unknown.body().replace(unknownId, "ID")));
        assertThat(seen.get("type").asText()).endsWith("unknown-id");
    }

    private static List<FeedbackLabel> labels(Running serve) {
        return serve.store().database().feedback(Clock.systemUTC()).labels(0, 100);
    }

    /** The HTTP API as one key (or none) uses it. */
    private record Client(int port, String key) {
        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return send(request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        String submit(String text) throws Exception {
            HttpResponse<String> response =
                    post("/api/v1/texts", JSON.writeValueAsString(java.util.Map.of("text", text)));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return JSON.readTree(response.body()).get("id").asText();
        }

        JsonNode awaitDone(String id) throws Exception {
            long deadline = System.nanoTime() + RESULT_WITHIN.toNanos();
            while (true) {
                HttpResponse<String> response = get("/api/v1/texts/" + id + "?wait=10s");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode record = JSON.readTree(response.body());
                if (!record.get("status").asText().equals("pending") || System.nanoTime() > deadline) {
                    return record;
                }
            }
        }

        HttpResponse<String> feedback(String id, String language) throws Exception {
            return post("/api/v1/texts/" + id + "/feedback", "{\"language\":\"" + language + "\"}");
        }

        /** The ids in this client's history. */
        List<String> history() throws Exception {
            HttpResponse<String> response = get("/api/v1/texts?limit=100");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            JSON.readTree(response.body())
                    .get("texts")
                    .forEach(text -> ids.add(text.get("id").asText()));
            return ids;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "application/json");
            return key == null ? builder : builder.header("Authorization", "Bearer " + key);
        }

        private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
