package io.glossa.client.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The non-blocking sender against a scripted server on a real socket: each request gets a canned answer. */
class SubmitLoopTest {
    private ScriptedHttpServer server;
    private final List<String> outcomes = new CopyOnWriteArrayList<>();

    private final Answers answers = new Answers() {
        @Override
        public void answered(long first, int n, ResponseFrame response, long answeredAt) {
            outcomes.add(first + "+" + n + " " + response.status() + " " + response.bodyText());
        }

        @Override
        public void failed(int n, String why) {
            outcomes.add("failed " + n + " " + why);
        }
    };

    private URI serve(IntFunction<String> answer) throws IOException {
        server = ScriptedHttpServer.start(answer);
        return server.uri();
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** {@code texts} texts at 200/s, one per request, over at most {@code concurrency} connections. */
    private void run(URI base, int texts, int concurrency) throws Exception {
        LoadSettings settings =
                new LoadSettings(base, 200, Duration.ofMillis(5L * texts), concurrency, Duration.ofSeconds(1));
        TextSource source = new TextSource(List.of("t0", "t1", "t2", "t3"));
        new SubmitLoop(settings, Schedule.of(settings, System.nanoTime()), new RequestBytes(settings, source), answers)
                .run();
    }

    private static String accepted(int n) {
        return "HTTP/1.1 202 Accepted\r\nContent-Length: 10\r\n\r\n{\"id\":\"" + n + "\"}";
    }

    @Test
    void sendsEachTextWhenDueOverOneKeptAliveConnection() throws Exception {
        URI base = serve(SubmitLoopTest::accepted);
        long start = System.nanoTime();
        run(base, 4, 1); // the scripted server takes one connection at a time
        assertThat(System.nanoTime() - start).as("the 4th text is due 15 ms in").isGreaterThan(15_000_000);
        assertThat(outcomes)
                .containsExactly(
                        "0+1 202 {\"id\":\"0\"}",
                        "1+1 202 {\"id\":\"1\"}",
                        "2+1 202 {\"id\":\"2\"}",
                        "3+1 202 {\"id\":\"3\"}");
        assertThat(server.requestBodies())
                .containsExactly("{\"text\":\"t0\"}", "{\"text\":\"t1\"}", "{\"text\":\"t2\"}", "{\"text\":\"t3\"}");
        assertThat(server.connectionsSeen()).containsOnly(1);
    }

    @Test
    void theThreadedSenderThatHttpsUsesSendsTheSameRequestsAndReportsTheSameWay() throws Exception {
        // it layers TLS on a blocking socket; the sending itself is the same over plain http
        URI base = serve(n -> n == 1 ? null : accepted(n));
        LoadSettings settings = new LoadSettings(base, 200, Duration.ofMillis(15), 1, Duration.ofSeconds(1));
        TextSource source = new TextSource(List.of("t0", "t1", "t2", "t3"));
        new ThreadedSubmitter(
                        settings, Schedule.of(settings, System.nanoTime()), new RequestBytes(settings, source), answers)
                .run();
        assertThat(server.requestBodies())
                .containsExactly("{\"text\":\"t0\"}", "{\"text\":\"t1\"}", "{\"text\":\"t1\"}", "{\"text\":\"t2\"}");
        assertThat(outcomes)
                .containsExactly("0+1 202 {\"id\":\"0\"}", "1+1 202 {\"id\":\"2\"}", "2+1 202 {\"id\":\"3\"}");
    }

    @Test
    void sendsAgainOnANewConnectionWhenTheServerClosedAKeptAliveOneWithoutAnswering() throws Exception {
        // request 1 is dropped unanswered (connection closed): its retry goes on connection 2
        URI base = serve(n -> n == 1 ? null : accepted(n));
        run(base, 3, 1);
        assertThat(server.requestBodies())
                .containsExactly("{\"text\":\"t0\"}", "{\"text\":\"t1\"}", "{\"text\":\"t1\"}", "{\"text\":\"t2\"}");
        assertThat(server.connectionsSeen()).containsExactly(1, 1, 2, 2);
        assertThat(outcomes)
                .containsExactly("0+1 202 {\"id\":\"0\"}", "1+1 202 {\"id\":\"2\"}", "2+1 202 {\"id\":\"3\"}");
    }

    @Test
    void aFirstRequestThatIsNotAnsweredFailsWithoutARetry() throws Exception {
        URI base = serve(n -> n == 0 ? null : accepted(n));
        run(base, 2, 1);
        assertThat(server.requestBodies()).containsExactly("{\"text\":\"t0\"}", "{\"text\":\"t1\"}");
        assertThat(outcomes.get(0)).startsWith("failed 1 ").contains("closed the connection without answering");
        assertThat(outcomes.get(1)).isEqualTo("1+1 202 {\"id\":\"1\"}");
    }

    @Test
    void aServerThatIsDownFailsEveryRequestWithTheReason() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        run(URI.create("http://127.0.0.1:" + port), 3, 2);
        assertThat(outcomes).hasSize(3).allSatisfy(o -> assertThat(o).startsWith("failed 1 java.net.ConnectException"));
    }

    @Test
    void anAnswerThatIsNotHttpFailsItsRequestAndTheConnectionIsReplaced() throws Exception {
        URI base = serve(n -> n == 0 ? "SSH-2.0-OpenSSH\r\n\r\n" : accepted(n));
        run(base, 2, 1);
        assertThat(outcomes.get(0)).startsWith("failed 1 ").contains("not an HTTP/1.x status line");
        assertThat(outcomes.get(1)).isEqualTo("1+1 202 {\"id\":\"1\"}");
        assertThat(server.connectionsSeen()).containsExactly(1, 2);
    }
}
