package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.cli.Main;
import io.glossa.testing.TestRoles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 3: an OutOfMemoryError killed the outbox marker thread; afterwards glossa_outbox_pending only
 * grew while /ready still said ready. Here the marker thread of a real serve dies of an Error (Thread.stop throws
 * ThreadDeath in it, as an OutOfMemoryError would be thrown): /ready must fail, and the serve command must end
 * with status 70 so that its service manager starts a new process.
 */
class ThreadDeathIT {
    private static final String MARKER = "glossa-outbox-marker";

    @TempDir
    Path dataDir;

    @Test
    void aDeadOutboxThreadMakesReadyFail() throws Exception {
        try (Running serve = Roles.serve(TestRoles.embedded(dataDir))) {
            URI ready = URI.create("http://127.0.0.1:" + serve.port() + "/ready");
            assertThat(get(ready).statusCode()).isEqualTo(200);
            kill(MARKER);
            HttpResponse<String> answer = get(ready);
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.body()).contains("\"outbox relay\":\"not ready\"");
        }
    }

    @Test
    void aDeadOutboxThreadStopsTheServeCommandWithStatus70() throws Exception {
        int port = PipelineKit.freePort();
        String[] serve = {
            "serve",
            "--data-dir",
            dataDir.toString(),
            "--amqp-port",
            String.valueOf(PipelineKit.freePort()),
            "--port",
            String.valueOf(port),
            "--workers",
            "2"
        };
        CompletableFuture<Integer> exit =
                CompletableFuture.supplyAsync(() -> Main.commandLine().execute(serve));
        URI ready = URI.create("http://127.0.0.1:" + port + "/ready");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!answers(ready) && System.nanoTime() < deadline && !exit.isDone()) {
            Thread.sleep(250);
        }
        assertThat(answers(ready)).as("serve came up").isTrue();
        kill(MARKER);
        assertThat(exit.get(15, TimeUnit.SECONDS)).isEqualTo(70);
    }

    /** Throws ThreadDeath, an Error, inside the thread: what an OutOfMemoryError there would do to its loop. */
    @SuppressWarnings({"removal", "deprecation"})
    private static void kill(String name) throws InterruptedException {
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no thread " + name));
        thread.stop();
        thread.join(5_000);
        assertThat(thread.isAlive()).isFalse();
    }

    private static boolean answers(URI ready) {
        try {
            return get(ready).statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
