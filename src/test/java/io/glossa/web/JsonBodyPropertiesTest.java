package io.glossa.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.NastyJson;
import io.glossa.testing.Property;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request bodies: any bytes are the fields of a JSON object or a 400/413 problem, never another exception. */
class JsonBodyPropertiesTest {
    private static final byte[] SINGLE = "{\"text\":\"Hej, hur mår du?\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BATCH =
            "{\"texts\":[\"Hej\",\"Dzień dobry\"],\"lane\":\"realtime\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void arbitraryBodiesAreTheirFieldsOrAClientProblem() {
        Property.forAll(3_000, random -> NastyJson.any(random, random.nextBoolean() ? SINGLE : BATCH), body -> {
            try {
                BodyFields fields = parse(body, 100_000);
                assertThat(fields.ignored()).hasSizeLessThanOrEqualTo(BodyShape.MAX_UNKNOWN_FIELDS);
            } catch (ProblemException e) {
                assertThat(e.problem().status()).isIn(400, 413);
                assertThat(e.problem().detail()).isNotBlank();
            }
        });
    }

    @Test
    void theKnownFieldsAreReadAndAFewUnknownOnesIgnored() {
        BodyFields fields = parse(
                "{\"texts\":[\"Hej\",\"då\"],\"lane\":\"realtime\",\"client\":{\"a\":[1]}}"
                        .getBytes(StandardCharsets.UTF_8),
                1_000);
        assertThat(fields.array()).containsExactly("Hej", "då");
        assertThat(fields.string("lane")).isEqualTo("realtime");
        assertThat(fields.ignored()).containsExactly("client");
    }

    /** Issue 19: a 16 MB body of ignored fields took 230 MB of heap; now the 17th unknown field ends the request. */
    @Test
    void manyUnknownFieldsAreRefusedNamingThem() {
        StringBuilder body = new StringBuilder("{\"texts\":[\"hello\"]");
        for (int i = 0; i < 100_000; i++) {
            body.append(",\"").append(i).append("\":0");
        }
        ProblemException refused = problem(body.append('}').toString().getBytes(StandardCharsets.UTF_8), 16 << 20);
        assertThat(refused.problem().type()).isEqualTo("/problems/unknown-fields");
        assertThat(refused.problem().detail()).contains("'0', '1'", "'16'").doesNotContain("'17'");
    }

    @Test
    void anArrayLongerThanItsLimitIsRefusedAtTheFirstItemOver() {
        ProblemException refused = problem(
                ("{\"texts\":[" + "\"a\",".repeat(10_000) + "\"a\"]}").getBytes(StandardCharsets.UTF_8), 1 << 20);
        assertThat(refused.problem().status()).isEqualTo(413);
    }

    /** The same strictness as the JDK's decoder: overlong forms, surrogates, truncation, stray bytes, raw NUL. */
    @Test
    void invalidUtf8AnywhereIsA400() {
        byte[][] bad = {
            {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0x80},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xFF},
            {0}
        };
        for (byte[] sequence : bad) {
            byte[] body = new byte[SINGLE.length + sequence.length];
            System.arraycopy(SINGLE, 0, body, 0, 10);
            System.arraycopy(sequence, 0, body, 10, sequence.length);
            System.arraycopy(SINGLE, 10, body, 10 + sequence.length, SINGLE.length - 10);
            assertThat(problem(body, 1_000).problem().type())
                    .as(java.util.Arrays.toString(sequence))
                    .isEqualTo("/problems/invalid-utf8");
        }
        Property.forAll(
                2_000,
                random -> {
                    byte[] bytes = new byte[random.nextInt(12)];
                    random.nextBytes(bytes);
                    return bytes;
                },
                bytes -> {
                    boolean strict = isStrictUtf8(bytes) && !new String(bytes, StandardCharsets.UTF_8).contains("\0");
                    Utf8Validator validator = new Utf8Validator();
                    assertThat(validator.accept(bytes, 0, bytes.length) && validator.complete())
                            .isEqualTo(strict);
                });
    }

    private static boolean isStrictUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** A body trickling in after the grace period is refused; the clock is the handler's, not the first byte's. */
    @Test
    void aBodyArrivingTooSlowlyIsA408AndOneAlreadyThereIsNot() throws Exception {
        long longAgo =
                System.nanoTime() - BodyInput.SLOW_BODY_GRACE_NANOS - java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
        try {
            new BodyInput(new java.io.ByteArrayInputStream(SINGLE), 1_000, longAgo).readAllBytes();
            throw new AssertionError("a body read at ~4 bytes/s was accepted");
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(408);
        }
        assertThat(new BodyInput(new java.io.ByteArrayInputStream(SINGLE), 1_000, System.nanoTime()).readAllBytes())
                .isEqualTo(SINGLE);
    }

    /** Arriving in pieces, the body read is the body sent; one byte over the limit is a 413. */
    @Test
    void aBodyIsReadWholeInPiecesAndRefusedPastTheLimit() throws Exception {
        assertThat(new BodyInput(new Trickle(BATCH), BATCH.length, System.nanoTime()).readAllBytes())
                .isEqualTo(BATCH);
        try {
            new BodyInput(new Trickle(BATCH), BATCH.length - 1, System.nanoTime()).readAllBytes();
            throw new AssertionError("a body over the limit was read");
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(413);
        }
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
        byte[] deep = ("{\"x\":" + "[".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        ProblemException refused = problem(deep, 1 << 20);
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().detail()).contains("nesting depth");
    }

    private static BodyFields parse(byte[] body, long maxBytes) {
        try {
            return JsonBody.parse(
                    new BodyInput(new java.io.ByteArrayInputStream(body), maxBytes, System.nanoTime()),
                    new BodyShape(
                            java.util.Set.of("text", "lane"),
                            "texts",
                            1_000,
                            () -> new ProblemException(413, "batch-too-large", "Batch Too Large", "too many")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ProblemException problem(byte[] body, long maxBytes) {
        try {
            parse(body, maxBytes);
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("accepted: " + new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8));
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
        Property.forAll(
                500,
                random -> (random.nextInt(4) == 0 ? ";" : "")
                        + new String(NastyJson.tokenSoup(random, 1 + random.nextInt(4)), StandardCharsets.UTF_8)
                        + (random.nextBoolean() ? "; charset=" + (random.nextBoolean() ? "latin1" : "\"utf-16\"") : ""),
                header -> {
                    try {
                        JsonBody.requireJsonContentType(header);
                        assertThat(header.split(";")[0].trim()).isEqualToIgnoringCase("application/json");
                    } catch (ProblemException e) {
                        assertThat(e.problem().status()).isEqualTo(415);
                    }
                });
    }
}
