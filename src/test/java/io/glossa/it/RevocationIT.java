package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.access.ApiKeys;
import io.glossa.access.IssuedKey;
import io.glossa.app.AccessPolicy;
import io.glossa.app.ApiRoleSettings;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.testing.TestRoles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 2: a revoked key's open event stream kept receiving results for over 60 s, and a long-poll
 * kept waiting, because a key was checked only when a request arrived. Now both end within the key cache period
 * (--api-key-cache, 3 s here) of the revocation: on the embedded store with {@code serve}, and on PostgreSQL and
 * RabbitMQ with {@code api} (no workers there, so a text stays pending and its long-poll really waits).
 */
class RevocationIT {
    private static final Duration CACHE = Duration.ofSeconds(3);
    /** The cache period, one re-check period, and room for a loaded machine. */
    private static final Duration WITHIN = CACHE.plusSeconds(3);

    @TempDir
    Path dataDir;

    @Test
    void aRevokedKeysEventStreamClosesOnTheEmbeddedStore() throws Exception {
        try (Running serve = Roles.serve(TestRoles.withAccess(
                TestRoles.embedded(dataDir), AccessPolicy.keysRequired().withKeyCache(CACHE)))) {
            ApiKeys keys = PipelineKit.keys(serve);
            IssuedKey revoked = keys.issue("revoked", Optional.empty());
            IssuedKey kept = keys.issue("kept", Optional.empty());
            try (EventStreamClient stream = EventStreamClient.open(serve.port(), revoked.secret());
                    EventStreamClient control = EventStreamClient.open(serve.port(), kept.secret())) {
                // its own text: a key's stream carries only its own results (OwnershipIT)
                assertThat(post(serve.port(), revoked.secret(), "{\"text\":\"Det här är en mening på svenska.\"}")
                                .statusCode())
                        .isEqualTo(202);
                assertThat(stream.awaitLine("event: result", Duration.ofSeconds(30)))
                        .as("a result arrives")
                        .isTrue();

                keys.revoke(revoked.key().id());
                long start = System.nanoTime();
                assertThat(stream.awaitEnd(WITHIN))
                        .as("the revoked key's stream ends within " + WITHIN)
                        .isTrue();
                System.out.printf(
                        "RevocationIT: stream closed %d ms after the revocation%n",
                        (System.nanoTime() - start) / 1_000_000);
                assertThat(control.open()).as("another key's stream stays open").isTrue();
            }
        }
    }

    @Test
    void aRevokedKeysStreamAndLongPollEndOnPostgres() throws Exception {
        try (ScratchBackends backends = new ScratchBackends()) {
            ApiRoleSettings api = TestRoles.api(backends.store(), backends.broker());
            try (Running running = Roles.api(new ApiRoleSettings(
                    api.store(),
                    api.broker(),
                    api.front().withAccess(AccessPolicy.keysRequired().withKeyCache(CACHE))))) {
                ApiKeys keys = PipelineKit.keys(running);
                IssuedKey issued = keys.issue("revoked", Optional.empty());
                HttpResponse<String> accepted =
                        post(running.port(), issued.secret(), "{\"text\":\"Hyvää huomenta kaikille.\"}");
                assertThat(accepted.statusCode()).isEqualTo(202);
                String location = accepted.headers().firstValue("Location").orElseThrow();
                try (EventStreamClient stream = EventStreamClient.open(running.port(), issued.secret())) {
                    CompletableFuture<HttpResponse<String>> poll = HttpClient.newHttpClient()
                            .sendAsync(
                                    HttpRequest.newBuilder(URI.create(
                                                    "http://127.0.0.1:" + running.port() + location + "?wait=30s"))
                                            .header("Authorization", "Bearer " + issued.secret())
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    Thread.sleep(1_000);
                    assertThat(poll)
                            .as("no worker runs, so the long-poll waits")
                            .isNotDone();

                    keys.revoke(issued.key().id());
                    HttpResponse<String> ended = poll.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
                    assertThat(ended.statusCode()).isEqualTo(401);
                    assertThat(ended.headers().firstValue("Content-Type").orElse(""))
                            .startsWith("application/problem+json");
                    assertThat(ended.body()).contains("revoked while this request waited");
                    assertThat(stream.awaitEnd(WITHIN))
                            .as("the stream ends too")
                            .isTrue();
                }
            }
        }
    }

    private static HttpResponse<String> post(int port, String key, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/texts"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
