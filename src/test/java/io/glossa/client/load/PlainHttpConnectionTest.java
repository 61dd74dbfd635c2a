package io.glossa.client.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load tool's HTTP/1.1 connection against a scripted server on a real socket: each request gets a canned answer. */
class PlainHttpConnectionTest {
    private ServerSocket server;
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private final List<Integer> connectionsSeen = new CopyOnWriteArrayList<>();

    /** Serves connections one after another; {@code answer.apply(n)} is the raw answer to the n-th request (null: close). */
    private URI serve(IntFunction<String> answer) throws IOException {
        server = new ServerSocket(0);
        Thread thread = new Thread(() -> {
            int requests = 0;
            int connections = 0;
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    connections++;
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    while (true) {
                        int length = readHead(in);
                        if (length < 0) {
                            break;
                        }
                        requestBodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
                        connectionsSeen.add(connections);
                        String raw = answer.apply(requests++);
                        if (raw == null) {
                            break;
                        }
                        out.write(raw.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private static int readHead(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            return -1;
        }
        int length = 0;
        while (!(line = readLine(in)).isEmpty()) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return length;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
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
        assertThat(connectionsSeen).containsExactly(1, 1, 1);
        assertThat(requestBodies.get(2)).isEqualTo("{\"text\":\"hej 2 å\"}");
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
        assertThat(requestBodies).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":1}");
        assertThat(connectionsSeen).containsExactly(1, 1, 2);
    }

    @Test
    void aFirstRequestThatIsNotAnsweredFailsWithoutARetry() throws Exception {
        URI base = serve(n -> null);
        try (PlainHttpConnection connection = new PlainHttpConnection(base, 5_000)) {
            assertThatThrownBy(() -> connection.postJson("/x", "{}"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("closed the connection without answering");
        }
        assertThat(requestBodies).hasSize(1);
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
