package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.testing.JarProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer runs, {@code glossa serve} with no options (embedded broker and database), killed with SIGKILL at
 * random moments while 8 clients submit texts, and restarted on the same data dir each time. Afterwards every text
 * that was answered 202 is done: none is lost, none answers 404. {@code -Dglossa.serveKills=N} sets the number of
 * kills (CI: 5; {@code scripts/serve-kill.sh} runs 25).
 */
class ServeKillIT {
    private static final int CLIENTS = 8;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path work;

    @Test
    @Timeout(value = 40, unit = TimeUnit.MINUTES)
    void everyTextAnswered202SurvivesKillsOfTheWholeProcess() throws Exception {
        int kills = Integer.getInteger("glossa.serveKills", 5);
        int port = PipelineKit.freePort();
        List<String> args = new ArrayList<>(List.of(
                "serve",
                "--data-dir",
                work.resolve("data").toString(),
                "--port",
                String.valueOf(port),
                "--host",
                "127.0.0.1",
                "--amqp-port",
                String.valueOf(PipelineKit.freePort()),
                "--workers",
                "2"));
        args.addAll(TestTexts.modelArgs());
        ApiClient api = new ApiClient(port);
        Queue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicBoolean submitting = new AtomicBoolean(true);
        List<Thread> clients = startClients(api, accepted, submitting);
        try {
            for (int kill = 1; kill <= kills; kill++) {
                JarProcess serve = startServe(args, port, "serve-" + kill);
                int before = accepted.size();
                Thread.sleep(200 + ThreadLocalRandom.current().nextInt(2_500));
                assertThat(serve.killHard()).as("killed by SIGKILL").isEqualTo(137);
                System.out.printf(
                        "[serve kill] kill %d of %d: %d texts answered 202 since the start before it%n",
                        kill, kills, accepted.size() - before);
            }
            try (JarProcess last = startServe(args, port, "serve-last")) {
                Thread.sleep(1_000);
                submitting.set(false);
                for (Thread client : clients) {
                    client.join();
                }
                List<String> ids = List.copyOf(accepted);
                List<JsonNode> records = api.awaitAll(ids, Duration.ofMinutes(5));
                List<String> notDone = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    if (!"done".equals(records.get(i).path("status").asText())) {
                        notDone.add(ids.get(i) + " " + records.get(i));
                    }
                }
                System.out.printf(
                        "[serve kill] %d kills: %d texts answered 202, %d not done afterwards%n",
                        kills, ids.size(), notDone.size());
                assertThat(ids).as("texts were accepted between the kills").hasSizeGreaterThan(kills * 10);
                assertThat(notDone)
                        .as("answered 202, but not done after the last restart")
                        .isEmpty();
            }
        } finally {
            submitting.set(false);
        }
    }

    private JarProcess startServe(List<String> args, int port, String name) throws Exception {
        JarProcess serve = JarProcess.start(
                name, JarProcess.packagedJar(), work.resolve("logs"), Map.of(), args.toArray(String[]::new));
        serve.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/ready"), START_TIMEOUT);
        return serve;
    }

    /** Clients that submit one text per request for as long as {@code submitting}, through every kill and start. */
    private static List<Thread> startClients(ApiClient api, Queue<String> accepted, AtomicBoolean submitting) {
        List<String> texts = TestTexts.sentences(500);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(
                    () -> {
                        for (int i = client; submitting.get(); i += CLIENTS) {
                            submitOne(api, texts.get(i % texts.size()), accepted);
                        }
                    },
                    "serve-kill-client-" + c);
            thread.start();
            clients.add(thread);
        }
        return clients;
    }

    private static void submitOne(ApiClient api, String text, Queue<String> accepted) {
        try {
            HttpResponse<String> response = api.post(
                    "/api/v1/texts",
                    "application/json",
                    ApiClient.JSON
                            .createObjectNode()
                            .put("text", text)
                            .toString()
                            .getBytes(StandardCharsets.UTF_8));
            if (response.statusCode() == 202) {
                accepted.add(ApiClient.read(response.body()).get("id").asText());
                return;
            }
        } catch (IOException down) {
            // serve is down or was killed mid-request: the text was not answered 202, so it is not counted
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
