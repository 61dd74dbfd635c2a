package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.access.ApiKeys;
import io.glossa.access.IssuedKey;
import io.glossa.app.AccessPolicy;
import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.testing.TestRoles;
import io.glossa.web.ApiSettings;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 5: event streams were unbounded, 200 that did not read cost +47 MB of heap (a 50,000-slot queue
 * each) and 200 writer threads. Now there are caps overall (503) and per key (429), both with Retry-After, idle
 * streams allocate no queue, and a fixed pool writes. Also finding 7: without {@code Accept: text/event-stream}
 * the answer was an empty 200.
 */
class EventStreamLimitsIT {
    @TempDir
    Path dataDir;

    @Test
    void streamsAreCappedPerKeyAndOverallAndIdleOnesCostLittle() throws Exception {
        try (Running serve = Roles.serve(TestRoles.withHttp(
                TestRoles.withAccess(
                        TestRoles.embedded(dataDir), AccessPolicy.keysRequired().withKeyCache(Duration.ofSeconds(10))),
                http -> http.withApi(new ApiSettings(
                        ApiSettings.DEFAULT.maxWait(),
                        ApiSettings.DEFAULT.maxBatchBodyBytes(),
                        ApiSettings.DEFAULT.keepAlive(),
                        false,
                        105,
                        100))))) {
            ApiKeys keys = PipelineKit.keys(serve);
            IssuedKey a = keys.issue("a", Optional.empty());
            IssuedKey b = keys.issue("b", Optional.empty());
            HttpResponse<String> plain = get(serve.port(), a.secret(), null);
            assertThat(plain.statusCode()).isEqualTo(406);
            assertThat(plain.body()).contains("Accept: text/event-stream");

            long before = heapAfterGc();
            List<EventStreamClient> streams = new ArrayList<>();
            try {
                for (int i = 0; i < 100; i++) {
                    streams.add(EventStreamClient.open(serve.port(), a.secret()));
                }
                long perStream = (heapAfterGc() - before) / 100;
                System.out.printf("EventStreamLimitsIT: %d bytes of heap per idle stream%n", perStream);
                // the server's share was a 200 KB queue array per stream; the rest is this JVM's own HTTP client
                assertThat(perStream)
                        .as("heap per idle stream, server and client")
                        .isLessThan(100_000);

                HttpResponse<String> overKey = get(serve.port(), a.secret(), "text/event-stream");
                assertThat(overKey.statusCode()).isEqualTo(429);
                assertThat(overKey.headers().firstValue("Retry-After")).isPresent();
                assertThat(overKey.body()).contains("--max-event-streams-per-key");
                for (int i = 0; i < 5; i++) {
                    streams.add(EventStreamClient.open(serve.port(), b.secret()));
                }
                HttpResponse<String> overAll = get(serve.port(), b.secret(), "text/event-stream");
                assertThat(overAll.statusCode()).isEqualTo(503);
                assertThat(overAll.headers().firstValue("Retry-After")).isPresent();
                assertThat(overAll.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");

                submit(serve.port(), a.secret(), 300);
                assertThat(streams.get(0).awaitLine("event: result", Duration.ofSeconds(30)))
                        .isTrue();
                long writers = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().startsWith("glossa-sse-writer-"))
                        .count();
                assertThat(writers)
                        .as("writer threads for 105 streams")
                        .isLessThanOrEqualTo(
                                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
            } finally {
                for (EventStreamClient stream : streams) {
                    stream.close();
                }
            }
            // a closed stream gives its slot back
            Thread.sleep(1_000);
            try (EventStreamClient again = EventStreamClient.open(serve.port(), b.secret())) {
                assertThat(again.awaitLine("connected", Duration.ofSeconds(10))).isTrue();
            }
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static HttpResponse<String> get(int port, String key, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(10));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void submit(int port, String key, int texts) throws Exception {
        StringBuilder body = new StringBuilder("{\"texts\":[");
        for (int i = 0; i < texts; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("\"Das ist der Satz Nummer ")
                    .append(i)
                    .append(".\"");
        }
        HttpResponse<String> accepted = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/texts:batch"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        body.append("]}").toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
    }
}
