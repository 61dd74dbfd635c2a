package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.TraceContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        assertThat(codec.decode(JobMessageCodec.encode(id, "Dzień dobry")))
                .isEqualTo(new JobMessage(id, "Dzień dobry"));
        assertThat(codec.decode(utf8("{\"text\":\"a\",\"id\":\"" + id + "\",\"lang_hint\":\"sv\"}")))
                .isEqualTo(new JobMessage(id, "a"));
    }

    @Test
    void reVerifyJobsCarryTheirRunAndModelVersion() throws Exception {
        UUID run = UUID.fromString("1b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a12");
        io.glossa.pipeline.Rescore rescore = new io.glossa.pipeline.Rescore(run, "2027-01-01.c0a9be68");
        byte[] body = JobMessageCodec.encode(id, "Hej", rescore);
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"" + id + "\",\"text\":\"Hej\"," + "\"reverify\":{\"run\":\"" + run
                        + "\",\"model_version\":\"2027-01-01.c0a9be68\"}}");
        assertThat(codec.decode(body)).isEqualTo(new JobMessage(id, "Hej", rescore));
        assertReason(
                utf8("{\"id\":\"" + id + "\",\"text\":\"a\",\"reverify\":{\"run\":\"" + run + "\"}}"),
                "\"reverify\" must be");
        assertReason(
                utf8("{\"id\":\"" + id + "\",\"text\":\"a\",\"reverify\":{\"run\":\"x\",\"model_version\":\"v\"}}"),
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

    @Test
    void aMultiJobBodyCarriesEachJobWithItsSubmissionTime() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2026-11-27T02:30:00.123456Z");
        UUID other = UUID.fromString("1b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a12");
        byte[] body = JobMessageCodec.encodeAll(List.of(
                new Job(id, "Hej", Lane.REALTIME, at), new Job(other, "Tere", Lane.REALTIME, at.plusMillis(1))));
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"jobs\":["
                        + "{\"id\":\"" + id + "\",\"text\":\"Hej\",\"submitted_at\":\"2026-11-27T02:30:00.123456Z\"},"
                        + "{\"id\":\"" + other
                        + "\",\"text\":\"Tere\",\"submitted_at\":\"2026-11-27T02:30:00.124456Z\"}]}");
        assertThat(codec.decodeAll(body))
                .isEqualTo(new JobBody(
                        List.of(
                                new JobMessage(id, "Hej", null, at),
                                new JobMessage(other, "Tere", null, at.plusMillis(1))),
                        true));
        assertThat(codec.decodeAll(JobMessageCodec.encode(id, "Hej")))
                .as("a single-job body")
                .isEqualTo(new JobBody(List.of(new JobMessage(id, "Hej")), false));
        assertThat(codec.decodeAll(utf8("{\"jobs\":[{\"id\":\"" + id + "\",\"text\":\"a\"}]}")))
                .as("submitted_at is optional")
                .isEqualTo(new JobBody(List.of(new JobMessage(id, "a")), true));
    }

    @Test
    void aMultiJobBodyCarriesEachJobsTraceContextAndIgnoresAnInvalidOne() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2026-11-27T02:30:00.123456Z");
        TraceContext trace = TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        UUID other = UUID.fromString("1b0e5a5e-2f5c-4c36-9f3e-0d8f5d3b6a12");
        byte[] body = JobMessageCodec.encodeAll(List.of(
                new Job(id, "Hej", Lane.REALTIME, at, null, null, null, trace),
                new Job(other, "Tere", Lane.REALTIME, at)));
        assertThat(new String(body, StandardCharsets.UTF_8))
                .contains("\"text\":\"Hej\",\"submitted_at\":\"" + at + "\",\"traceparent\":\"" + trace.traceparent()
                        + "\"}");
        assertThat(codec.decodeAll(body).jobs()).extracting(JobMessage::trace).containsExactly(trace, null);

        for (String bad : List.of("\"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"", "\"\"", "17", "{}")) {
            byte[] withBad = utf8("{\"jobs\":[{\"id\":\"" + id + "\",\"text\":\"a\",\"traceparent\":" + bad + "}]}");
            assertThat(codec.decodeAll(withBad).jobs())
                    .as("a trace is for logs: %s is ignored", bad)
                    .containsExactly(new JobMessage(id, "a"));
        }
    }

    @Test
    void aMultiJobBodyWithAnyBadJobIsMalformedAndSaysWhichJob() {
        String good = "{\"id\":\"" + id + "\",\"text\":\"a\"}";
        assertMultiReason(utf8("{\"jobs\":[]}"), "\"jobs\" must be an array of 1 to 1000");
        assertMultiReason(utf8("{\"jobs\":{}}"), "\"jobs\" must be an array");
        assertMultiReason(utf8("{\"jobs\":[" + good + ",7]}"), "jobs[1]: is JSON number, expected an object");
        assertMultiReason(utf8("{\"jobs\":[" + good + ",{\"text\":\"b\"}]}"), "jobs[1]: field \"id\" is missing");
        assertMultiReason(
                utf8("{\"jobs\":[{\"id\":\"" + id + "\",\"text\":\"a\",\"submitted_at\":\"yesterday\"}]}"),
                "jobs[0]: field \"submitted_at\" must be an ISO-8601 UTC time");
        String many = String.join(",", java.util.Collections.nCopies(1001, good));
        assertThatThrownBy(() -> new JobMessageCodec(1 << 20).decodeAll(utf8("{\"jobs\":[" + many + "]}")))
                .hasMessageContaining("1 to 1000");
    }

    private void assertMultiReason(byte[] body, String reason) {
        assertThatThrownBy(() -> codec.decodeAll(body))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void theOwnerKeyTravelsInSingleAndMultiJobBodiesAndIsOptional() throws Exception {
        java.time.Instant at = java.time.Instant.parse("2026-11-27T02:30:00.123456Z");
        Job owned = new Job(id, "Hej", Lane.REALTIME, at, null, null, 17L, null);
        assertThat(new String(JobMessageCodec.encode(owned), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"" + id + "\",\"text\":\"Hej\",\"owner_key_id\":17}");
        assertThat(codec.decode(JobMessageCodec.encode(owned)).owner()).isEqualTo(17L);
        UUID other = UUID.randomUUID();
        JobBody multi =
                codec.decodeAll(JobMessageCodec.encodeAll(List.of(owned, new Job(other, "Tere", Lane.REALTIME, at))));
        assertThat(multi.jobs()).extracting(JobMessage::owner).containsExactly(17L, null);
        assertThat(codec.decode(utf8("{\"id\":\"" + id + "\",\"text\":\"a\",\"owner_key_id\":null}"))
                        .owner())
                .as("an outside producer's job belongs to nobody")
                .isNull();
        assertReason(
                utf8("{\"id\":\"" + id + "\",\"text\":\"a\",\"owner_key_id\":\"17\"}"),
                "\"owner_key_id\" must be a positive whole number");
        assertReason(utf8("{\"id\":\"" + id + "\",\"text\":\"a\",\"owner_key_id\":0}"), "positive whole number");
        assertReason(utf8("{\"id\":\"" + id + "\",\"text\":\"a\",\"owner_key_id\":1.5}"), "positive whole number");
    }

    /** Both readers, the single-job one and the one that also takes multi-job bodies, refuse it alike. */
    private void assertReason(byte[] body, String reason) {
        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(reason);
        assertThatThrownBy(() -> codec.decodeAll(body))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(reason);
    }
}
