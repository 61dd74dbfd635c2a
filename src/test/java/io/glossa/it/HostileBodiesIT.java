package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.JarProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 3: a 16 MB batch body of 1.5 million ignored fields raised a -Xmx512m serve's heap from 47 to
 * 279 MB, and three at once ended in an OutOfMemoryError and 500s with empty bodies (measured 2026-12-06). Here a
 * packaged serve with an even smaller heap (-Xmx384m) gets three such bodies and then three full 16 MB batches at
 * once: every answer is a problem or an acceptance, never a 500, no OutOfMemoryError is logged, and it stays ready.
 */
class HostileBodiesIT {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    @Test
    void bodiesOfManyFieldsOrFullBatchesCannotExhaustTheHeap() throws Exception {
        int port = PipelineKit.freePort();
        try (JarProcess serve = JarProcess.start(
                "serve",
                JarProcess.packagedJar(),
                work,
                Map.of(),
                "serve",
                "--port",
                String.valueOf(port),
                "--amqp-port",
                String.valueOf(PipelineKit.freePort()),
                "--data-dir",
                work.resolve("data").toString(),
                "--workers",
                "2")) {
            URI base = URI.create("http://127.0.0.1:" + port);
            serve.awaitHttpOk(base.resolve("/ready"), Duration.ofSeconds(120));

            for (HttpResponse<String> answer : threeAtOnce(base, ignoredFields())) {
                assertThat(answer.statusCode()).isEqualTo(400);
                assertThat(answer.body()).contains("/problems/unknown-fields", "'16'");
            }
            for (HttpResponse<String> answer : threeAtOnce(base, fullBatch())) {
                assertThat(answer.statusCode()).as(answer.body()).isIn(202, 503);
                if (answer.statusCode() == 503) { // the large-body budget was spent: try again shortly
                    assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                    assertThat(answer.body()).contains("/problems/busy");
                }
            }
            assertThat(CLIENT.send(
                                    HttpRequest.newBuilder(base.resolve("/ready"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
            assertThat(serve.output()).doesNotContain("OutOfMemoryError");
        }
    }

    /** {"texts":["hello"],"0":0,"1":0,...} up to 16 MiB, as in the issue. */
    private static byte[] ignoredFields() {
        StringBuilder body = new StringBuilder(16 << 20).append("{\"texts\":[\"hello\"]");
        for (int i = 0; body.length() < (16 << 20) - 32; i++) {
            body.append(",\"").append(i).append("\":0");
        }
        return body.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** 1,000 texts of 16,500 characters: just under the 16 MiB a batch may have. */
    private static byte[] fullBatch() {
        String text = "This is a sentence in plain English, repeated many times over. "
                .repeat(300)
                .substring(0, 16_500);
        StringBuilder body = new StringBuilder(17 << 20).append("{\"texts\":[");
        for (int i = 0; i < 1_000; i++) {
            body.append(i == 0 ? "\"" : ",\"").append(text).append('"');
        }
        return body.append("]}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static List<HttpResponse<String>> threeAtOnce(URI base, byte[] body) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(CLIENT.sendAsync(
                    HttpRequest.newBuilder(base.resolve("/api/v1/texts:batch"))
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(120))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }
}
