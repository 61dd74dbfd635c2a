package io.glossa.client.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** De-chunking an HTTP/1.1 body as it streams. */
class ChunkedBodyTest {
    private static InputStream body(String wire) {
        return new ChunkedBody(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void chunksJoinIntoTheBodyThenItEnds() throws IOException {
        InputStream in = body("5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n");
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("Hello, world");
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void aReadReturnsWhatOneChunkHolds() throws IOException {
        InputStream in = body("3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n");
        byte[] buffer = new byte[100];
        assertThat(in.read(buffer, 0, 100)).isEqualTo(3);
        assertThat(in.read()).isEqualTo('d');
    }

    @Test
    void aConnectionEndingInsideAChunkOrABadSizeIsAnError() {
        assertThatThrownBy(() -> body("a\r\nabc").readAllBytes())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("inside a chunk");
        assertThatThrownBy(() -> body("zz\r\nabc\r\n").readAllBytes())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad chunk size");
        assertThatThrownBy(() -> body("3\r\nabc").readAllBytes())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("between chunks");
    }
}
