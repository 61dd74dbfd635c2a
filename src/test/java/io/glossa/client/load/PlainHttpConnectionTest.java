package io.glossa.client.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load tool's HTTP/1.1 connection against a scripted server on a real socket: each request gets a canned answer. */
class PlainHttpConnectionTest {
    private ScriptedHttpServer server;

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

    @Test
    void keepsOneConnectionForManyRequestsAndReadsContentLengthBodies() throws Exception {
        URI base = serve(
                n -> "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"id\":\""
                        + n + "\"}");
        try (PlainHttpConnection connection = new PlainHttpConnection(base, 5_000)) {
            List<PlainHttpConnection.Response> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(connection.postJson("/api/v1/texts", "{\"text\":\"hej " + i + " å\"}"));
            }
            assertThat(answers).extracting(PlainHttpConnection.Response::status).containsOnly(202);
            assertThat(answers)
                    .extracting(PlainHttpConnection.Response::body)
                    .containsExactly("{\"id\":\"0\"}", "{\"id\":\"1\"}", "{\"id\":\"2\"}");
        }
        assertThat(server.connectionsSeen()).containsExactly(1, 1, 1);
        assertThat(server.requestBodies().get(2)).isEqualTo("{\"text\":\"hej 2 å\"}");
    }

    @Test
    void readsChunkedBodies() throws Exception {
        URI base = serve(
                n ->
                        "HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"de\r\na;ext=1\r\ntail\":\"x\"}\r\n0\r\n\r\n");
        try (PlainHttpConnection connection = new PlainHttpConnection(base, 5_000)) {
            PlainHttpConnection.Response answer = connection.postJson("/x", "{}");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body()).isEqualTo("{\"detail\":\"x\"}");
        }
    }

    @Test
    void sendsAgainOnANewConnectionWhenTheServerClosedAnIdleOneWithoutAnswering() throws Exception {
        // request 0 answered, request 1 dropped unanswered (connection closed), its retry answered on connection 2
        URI base = serve(n -> n == 1 ? null : "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok");
        try (PlainHttpConnection connection = new PlainHttpConnection(base, 5_000)) {
            assertThat(connection.postJson("/x", "{\"n\":0}").status()).isEqualTo(202);
            assertThat(connection.postJson("/x", "{\"n\":1}").body()).isEqualTo("ok");
        }
        assertThat(server.requestBodies()).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":1}");
        assertThat(server.connectionsSeen()).containsExactly(1, 1, 2);
    }

    @Test
    void aFirstRequestThatIsNotAnsweredFailsWithoutARetry() throws Exception {
        URI base = serve(n -> null);
        try (PlainHttpConnection connection = new PlainHttpConnection(base, 5_000)) {
            assertThatThrownBy(() -> connection.postJson("/x", "{}"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("closed the connection without answering");
        }
        assertThat(server.requestBodies()).hasSize(1);
    }

    @Test
    void somethingThatIsNotHttpIsAnIoError() throws Exception {
        URI base = serve(n -> "SSH-2.0-OpenSSH\r\n\r\n");
        try (PlainHttpConnection connection = new PlainHttpConnection(base, 5_000)) {
            assertThatThrownBy(() -> connection.postJson("/x", "{}"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("not an HTTP/1.x status line");
        }
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        assertThatThrownBy(() -> new PlainHttpConnection(URI.create("ftp://host/"), 1000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://");
    }
}
