package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobMessageCodecTest {
    final JobMessageCodec codec = new JobMessageCodec(1024);
    final UUID id = UUID.fromString("0b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a11");

    byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void encodesExactlyIdAndText() {
        assertThat(new String(JobMessageCodec.encode(id, "Hej \"du\" ✓"), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"0b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a11\",\"text\":\"Hej \\\"du\\\" ✓\"}");
    }

    @Test
    void decodesWhatItEncodesAndIgnoresUnknownFields() throws Exception {
        assertThat(codec.decode(JobMessageCodec.encode(id, "Dzień dobry"))).isEqualTo(new JobMessage(id, "Dzień dobry"));
        assertThat(codec.decode(utf8("{\"text\":\"a\",\"id\":\"" + id + "\",\"lang_hint\":\"sv\"}")))
                .isEqualTo(new JobMessage(id, "a"));
    }

    @Test
    void reVerifyJobsCarryTheirRunAndModelVersion() throws Exception {
        UUID run = UUID.fromString("1b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a12");
        io.glossa.pipeline.Rescore rescore = new io.glossa.pipeline.Rescore(run, "2027-01-01.c0a9be68");
        byte[] body = JobMessageCodec.encode(id, "Hej", rescore);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"" + id + "\",\"text\":\"Hej\","
                + "\"reverify\":{\"run\":\"" + run + "\",\"model_version\":\"2027-01-01.c0a9be68\"}}");
        assertThat(codec.decode(body)).isEqualTo(new JobMessage(id, "Hej", rescore));
        assertReason(utf8("{\"id\":\"" + id + "\",\"text\":\"a\",\"reverify\":{\"run\":\"" + run + "\"}}"),
                "\"reverify\" must be");
        assertReason(utf8("{\"id\":\"" + id + "\",\"text\":\"a\",\"reverify\":{\"run\":\"x\",\"model_version\":\"v\"}}"),
                "not a UUID");
    }

    @Test
    void rejectsEveryKindOfMalformedBodyWithAReason() {
        assertReason(new byte[0], "empty body");
        assertReason(new byte[2000], "exceeds the limit of 1024 bytes");
        assertReason(utf8("not json"), "not valid JSON");
        assertReason(utf8("{\"id\":\"" + id + "\",\"text\":\"a\"} trailing"), "not valid JSON");
        assertReason(utf8("{\"id\":\"" + id + "\",\"id\":\"" + id + "\",\"text\":\"a\"}"), "Duplicate field");
        assertReason(new byte[] {'"', (byte) 0xFF, '"'}, "not valid JSON (UTF-8)");
        assertReason(utf8("\"just a string\""), "expected an object");
        assertReason(utf8("{\"text\":\"a\"}"), "\"id\" is missing");
        assertReason(utf8("{\"id\":null,\"text\":\"a\"}"), "\"id\" is missing");
        assertReason(utf8("{\"id\":7,\"text\":\"a\"}"), "must be a UUID string, got number");
        assertReason(utf8("{\"id\":\"1-1-1-1-1\",\"text\":\"a\"}"), "not a UUID");
        assertReason(utf8("{\"id\":\"" + id + "\"}"), "\"text\" is missing");
        assertReason(utf8("{\"id\":\"" + id + "\",\"text\":[\"a\"]}"), "\"text\" must be a string, got array");
        assertReason(utf8("{\"id\":\"" + id + "\",\"text\":\"  \"}"), "\"text\" is empty");
    }

    private void assertReason(byte[] body, String reason) {
        assertThatThrownBy(() -> codec.decode(body)).isInstanceOf(MalformedMessageException.class).hasMessageContaining(reason);
    }
}
