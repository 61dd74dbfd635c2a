package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyInputTest {
    @Test
    void aRefusedBodyIsReadToItsEndSoTheAnswerIsNotReset() throws IOException {
        ByteArrayInputStream raw = new ByteArrayInputStream("a".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        BodyInput body = new BodyInput(raw, 1_000_000, System.nanoTime());
        assertThat(body.read(new byte[10], 0, 10)).isEqualTo(10);

        body.discardRest();

        assertThat(raw.available()).isZero();
    }

    @Test
    void discardingStopsAtTheLimit() throws IOException {
        ByteArrayInputStream raw = new ByteArrayInputStream("a".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        BodyInput body = new BodyInput(raw, 50_000, System.nanoTime());

        body.discardRest();

        assertThat(raw.available()).as("a byte past the limit, no more").isEqualTo(100_000 - 50_001);
    }
}
