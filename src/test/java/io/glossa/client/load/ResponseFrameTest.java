package io.glossa.client.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Responses read from bytes as they arrive: nothing until a response is whole, then its status, body and framing. */
class ResponseFrameTest {
    private static ResponseFrame readAll(String raw) throws IOException {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length < bytes.length; length++) {
            assertThat(ResponseFrame.read(bytes, length))
                    .as("a response cut after %d of %d bytes", length, bytes.length)
                    .isNull();
        }
        return ResponseFrame.read(bytes, bytes.length);
    }

    @Test
    void readsAContentLengthBodyOnlyOnceItIsWhole() throws IOException {
        String raw = "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\ncontent-length:  13\r\n\r\n"
                + "{\"id\":\"å-1\"}";
        ResponseFrame frame = readAll(raw);
        assertThat(frame.status()).isEqualTo(202);
        assertThat(frame.bodyText()).isEqualTo("{\"id\":\"å-1\"}");
        assertThat(frame.consumed()).isEqualTo(raw.getBytes(StandardCharsets.UTF_8).length);
        assertThat(frame.close()).isFalse();
    }

    @Test
    void deChunksAChunkedBodyWithExtensionsAndTrailers() throws IOException {
        ResponseFrame frame = readAll("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: Chunked\r\n\r\n"
                + "4\r\n{\"de\r\na;ext=1\r\ntail\":\"x\"}\r\n0\r\nX-Trailer: 1\r\n\r\n");
        assertThat(frame.status()).isEqualTo(400);
        assertThat(frame.bodyText()).isEqualTo("{\"detail\":\"x\"}");
    }

    @Test
    void http10AndConnectionCloseEndTheConnection() throws IOException {
        assertThat(readAll("HTTP/1.0 202 Accepted\r\nContent-Length: 0\r\n\r\n").close())
                .isTrue();
        assertThat(readAll("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno")
                        .close())
                .isTrue();
        assertThat(readAll("HTTP/1.1 202 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n")
                        .close())
                .isFalse();
    }

    @Test
    void whatIsNotHttpOrNotFramedIsAnIoError() {
        byte[] ssh = "SSH-2.0-OpenSSH_9.2\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ResponseFrame.read(ssh, ssh.length))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not an HTTP/1.x status line");
        byte[] unframed = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ResponseFrame.read(unframed, unframed.length))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("without Content-Length or chunked");
        byte[] badLength = "HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ResponseFrame.read(badLength, badLength.length))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("a bad Content-Length: 1x");
    }

    @Test
    void endlessHeadersAreAnIoError() {
        byte[] bytes = new byte[70 * 1024];
        java.util.Arrays.fill(bytes, (byte) 'a');
        assertThatThrownBy(() -> ResponseFrame.read(bytes, bytes.length))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("headers over");
    }
}
