package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.testing.NastyJson;
import io.glossa.testing.Property;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request bodies: any bytes are a JSON object or a 400/413 problem, never another exception. */
class JsonBodyPropertiesTest {
    private static final byte[] SINGLE = "{\"text\":\"Hej, hur mår du?\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BATCH = "{\"texts\":[\"Hej\",\"Dzień dobry\"],\"lane\":\"realtime\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void arbitraryBodiesAreAnObjectOrAClientProblem() {
        Property.forAll(3_000, random -> NastyJson.any(random, random.nextBoolean() ? SINGLE : BATCH), body -> {
            try {
                JsonNode node = JsonBody.parse(body, 100_000);
                assertThat(node.isObject()).isTrue();
            } catch (ProblemException e) {
                assertThat(e.problem().status()).isIn(400, 413);
                assertThat(e.problem().detail()).isNotBlank();
            }
        });
    }

    /** A body trickling in after the grace period is refused; the clock is the handler's, not the first byte's. */
    @Test
    void aBodyArrivingTooSlowlyIsA408AndOneAlreadyThereIsNot() throws Exception {
        long longAgo = System.nanoTime() - JsonBody.SLOW_BODY_GRACE_NANOS - java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
        try {
            JsonBody.readAtMost(new java.io.ByteArrayInputStream(SINGLE), 1_000, -1, longAgo);
            throw new AssertionError("a body read at ~4 bytes/s was accepted");
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(408);
        }
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(SINGLE), 1_000, -1, System.nanoTime())).isEqualTo(SINGLE);
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(BATCH), 10, -1, System.nanoTime())).hasSize(10);
    }

    /** Declared or chunked, big (past the 64 KiB trusted from a declared length) or small, arriving in pieces: the body read is the body sent, cut at the limit. */
    @Test
    void aBodyIsReadWholeWhateverItsFramingAndCutAtTheLimit() throws Exception {
        byte[] big = new byte[150_000];   // over the 64 KiB trusted from a Content-Length
        new java.util.Random(7).nextBytes(big);
        for (byte[] body : new byte[][] {new byte[0], SINGLE, BATCH, big}) {
            for (long declared : new long[] {body.length, -1}) {
                assertThat(JsonBody.readAtMost(new Trickle(body), 200_000, declared, System.nanoTime()))
                        .as("%d bytes, declared %d", body.length, declared).isEqualTo(body);
            }
            int limit = body.length / 2;
            assertThat(JsonBody.readAtMost(new Trickle(body), limit, -1, System.nanoTime())).hasSize(limit);
        }
        // a body cut short of its Content-Length is what arrived, not padded with zeros
        assertThat(JsonBody.readAtMost(new Trickle(SINGLE), 1_000, SINGLE.length + 10, System.nanoTime())).isEqualTo(SINGLE);
    }

    /** Hands out at most 7 bytes a read, as a network does in small pieces. */
    private static final class Trickle extends java.io.ByteArrayInputStream {
        Trickle(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsA400NotAStackOverflow() {
        byte[] deep = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
        try {
            JsonBody.parse(deep, 1 << 20);
            throw new AssertionError("100,000 nested arrays were accepted");
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().detail()).contains("nesting depth");
        }
    }

    /** Found by HttpFuzzIT: "Content-Type: ;" split into no parts and the request ended in a 500. */
    @Test
    void contentTypesMadeOfSeparatorsAreA415() {
        for (String header : new String[] {";", ";;", " ; ", ";charset=utf-8"}) {
            try {
                JsonBody.requireJsonContentType(header);
                throw new AssertionError("accepted Content-Type '" + header + "'");
            } catch (ProblemException e) {
                assertThat(e.problem().status()).isEqualTo(415);
            }
        }
    }

    @Test
    void contentTypesOtherThanJsonInUtf8AreA415() {
        Property.forAll(500, random -> (random.nextInt(4) == 0 ? ";" : "")
                + new String(NastyJson.tokenSoup(random, 1 + random.nextInt(4)), StandardCharsets.UTF_8)
                + (random.nextBoolean() ? "; charset=" + (random.nextBoolean() ? "latin1" : "\"utf-16\"") : ""), header -> {
                    try {
                        JsonBody.requireJsonContentType(header);
                        assertThat(header.split(";")[0].trim()).isEqualToIgnoringCase("application/json");
                    } catch (ProblemException e) {
                        assertThat(e.problem().status()).isEqualTo(415);
                    }
                });
    }
}
