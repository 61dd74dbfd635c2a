package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FailedMessageCodecTest {
    final Instant at = Instant.parse("2026-11-26T08:01:02Z");

    @Test
    void keepsATextBodyAsText() throws Exception {
        byte[] body = "{\"id\":\"x\",\"text\":\"hej\"}".getBytes(StandardCharsets.UTF_8);
        byte[] encoded =
                FailedMessageCodec.encode(new FailedMessage("boom", 5, at, "realtime", "x", body, body.length));
        JsonNode json = new ObjectMapper().readTree(encoded);
        assertThat(json.get("reason").asText()).isEqualTo("boom");
        assertThat(json.get("attempts").asInt()).isEqualTo(5);
        assertThat(json.get("failed_at").asText()).isEqualTo("2026-11-26T08:01:02Z");
        assertThat(json.at("/original/encoding").asText()).isEqualTo("utf-8");
        assertThat(json.at("/original/data").asText()).isEqualTo("{\"id\":\"x\",\"text\":\"hej\"}");
        assertThat(json.at("/original/truncated").asBoolean()).isFalse();
        FailedMessage back = FailedMessageCodec.decode(encoded);
        assertThat(back.original()).isEqualTo(body);
        assertThat(back.lane()).isEqualTo("realtime");
    }

    @Test
    void keepsBinaryAsBase64AndCutsHugeBodies() throws Exception {
        byte[] binary = {(byte) 0xFF, 0, 1};
        JsonNode json = new ObjectMapper()
                .readTree(FailedMessageCodec.encode(
                        new FailedMessage("bad", 0, at, "batch", null, binary, binary.length)));
        assertThat(json.at("/original/encoding").asText()).isEqualTo("base64");
        assertThat(json.get("message_id").isNull()).isTrue();

        byte[] huge = new byte[3 * FailedMessageCodec.MAX_ORIGINAL_BYTES];
        Arrays.fill(huge, (byte) 'x');
        huge[FailedMessageCodec.MAX_ORIGINAL_BYTES - 1] = (byte) 0xC3; // a 2-byte character cut in half
        huge[FailedMessageCodec.MAX_ORIGINAL_BYTES] = (byte) 0xA5;
        FailedMessage cut = FailedMessageCodec.decode(
                FailedMessageCodec.encode(new FailedMessage("too big", 0, at, "batch", null, huge, huge.length)));
        assertThat(cut.original()).hasSize(FailedMessageCodec.MAX_ORIGINAL_BYTES - 1);
        assertThat(cut.originalBytes()).isEqualTo(huge.length);
    }
}
