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
            JsonBody.readAtMost(new java.io.ByteArrayInputStream(SINGLE), 1_000, longAgo);
            throw new AssertionError("a body read at ~4 bytes/s was accepted");
        } catch (ProblemException e) {
            assertThat(e.problem().status()).isEqualTo(408);
        }
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(SINGLE), 1_000, System.nanoTime())).isEqualTo(SINGLE);
        assertThat(JsonBody.readAtMost(new java.io.ByteArrayInputStream(BATCH), 10, System.nanoTime())).hasSize(10);
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
