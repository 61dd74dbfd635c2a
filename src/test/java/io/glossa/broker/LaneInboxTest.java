package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import io.glossa.pipeline.Lane;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LaneInboxTest {
    static Delivery delivery(Lane lane, long tag) {
        return new Delivery(lane, null, tag, false, new AMQP.BasicProperties(), new byte[0]);
    }

    @Test
    void realtimeIsTakenBeforeEveryWaitingBatchJob() throws Exception {
        LaneInbox inbox = new LaneInbox();
        for (long i = 0; i < 100; i++) {
            inbox.put(delivery(Lane.BATCH, i));
        }
        inbox.put(delivery(Lane.REALTIME, 1000));
        inbox.put(delivery(Lane.REALTIME, 1001));
        assertThat(inbox.poll(1, TimeUnit.SECONDS).deliveryTag()).isEqualTo(1000);
        assertThat(inbox.poll(1, TimeUnit.SECONDS).deliveryTag()).isEqualTo(1001);
        assertThat(inbox.poll(1, TimeUnit.SECONDS).deliveryTag()).isEqualTo(0);
        assertThat(inbox.size()).isEqualTo(99);
    }

    @Test
    void atMostTheAllowedBatchJobsAreHandledAtOnce() throws Exception {
        LaneInbox inbox = new LaneInbox(2);
        for (long i = 0; i < 5; i++) {
            inbox.put(delivery(Lane.BATCH, i));
        }
        Delivery first = inbox.poll(1, TimeUnit.SECONDS);
        assertThat(inbox.poll(1, TimeUnit.SECONDS).deliveryTag()).isEqualTo(1);
        assertThat(inbox.poll(10, TimeUnit.MILLISECONDS))
                .as("two batch jobs in progress")
                .isNull();
        inbox.put(delivery(Lane.REALTIME, 1000));
        assertThat(inbox.poll(1, TimeUnit.SECONDS).deliveryTag())
                .as("realtime is not limited")
                .isEqualTo(1000);
        inbox.finished(first);
        assertThat(inbox.poll(1, TimeUnit.SECONDS).deliveryTag()).isEqualTo(2);
        assertThat(inbox.size()).isEqualTo(2);
    }

    @Test
    void pollTimesOutWhenEmpty() throws Exception {
        assertThat(new LaneInbox().poll(10, TimeUnit.MILLISECONDS)).isNull();
    }
}
