package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import io.glossa.pipeline.DeliverySituation;
import io.glossa.pipeline.DeliverySituation.Stage;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the policy gets to see of a delivery: no broker needed, the decoder reads only properties and body. */
class DeliveryDecoderTest {
    private final DeliveryDecoder decoder = new DeliveryDecoder(JobMessageCodec.DEFAULT_MAX_BODY_BYTES);
    private final Job job = new Job(UUID.randomUUID(), "Hej då", Lane.REALTIME, Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void aSingleJobWithItsCountsFromTheHeaders() {
        Map<String, Object> headers =
                new HashMap<>(AmqpJobPublisher.properties(job).getHeaders());
        headers.put(MessageHeaders.ATTEMPTS, 2);
        headers.put(MessageHeaders.DELIVERY_COUNT, 3);
        AMQP.BasicProperties properties =
                AmqpJobPublisher.properties(job).builder().headers(headers).build();
        DeliverySituation situation = decoder.decode(delivery(properties, JobMessageCodec.encode(job), true))
                .situation();
        assertThat(situation.stage()).isEqualTo(new Stage.Decoded());
        assertThat(situation.multi()).isFalse();
        assertThat(situation.jobs()).singleElement().satisfies(j -> {
            assertThat(j.id()).isEqualTo(job.id());
            assertThat(j.text()).isEqualTo(job.text());
            assertThat(j.submittedAt()).isEqualTo(job.submittedAt());
        });
        assertThat(situation.attempts()).isEqualTo(2);
        assertThat(situation.redeliveries()).isEqualTo(3);
        assertThat(situation.redelivered()).isTrue();
    }

    @Test
    void aMultiJobBodyBringsEveryJobInOrder() {
        Job other = new Job(UUID.randomUUID(), "Guten Tag", Lane.REALTIME, Instant.parse("2026-12-01T10:00:01Z"));
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .build();
        DeliverySituation two = decoder.decode(
                        delivery(properties, JobMessageCodec.encodeAll(List.of(job, other)), false))
                .situation();
        assertThat(two.multi()).isTrue();
        assertThat(two.jobs()).extracting(Job::id).containsExactly(job.id(), other.id());
        assertThat(two.attempts()).isZero();
    }

    @Test
    void aMalformedMessageSaysWhyAndKeepsItsAttempts() {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("text/plain")
                .headers(Map.of(MessageHeaders.ATTEMPTS, 1))
                .build();
        DeliverySituation situation = decoder.decode(delivery(properties, JobMessageCodec.encode(job), false))
                .situation();
        assertThat(situation.stage())
                .isInstanceOfSatisfying(
                        Stage.Malformed.class, m -> assertThat(m.why()).contains("text/plain"));
        assertThat(situation.jobs()).isEmpty();
        assertThat(situation.attempts()).isEqualTo(1);

        AMQP.BasicProperties wrongId = AmqpJobPublisher.properties(job)
                .builder()
                .messageId(UUID.randomUUID().toString())
                .build();
        assertThat(decoder.decode(delivery(wrongId, JobMessageCodec.encode(job), false))
                        .situation()
                        .stage())
                .isInstanceOf(Stage.Malformed.class);
        assertThat(decoder.decode(delivery(properties, "hello".getBytes(StandardCharsets.UTF_8), false))
                        .situation()
                        .stage())
                .isInstanceOf(Stage.Malformed.class);
    }

    private static Delivery delivery(AMQP.BasicProperties properties, byte[] body, boolean redelivered) {
        return new Delivery(Lane.REALTIME, null, 1, redelivered, properties, body);
    }
}
