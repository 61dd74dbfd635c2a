package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AckCoalescerTest {
    /** The acks sent, as "tag" (single) or "tag+" (multiple). */
    final List<String> acks = new ArrayList<>();

    final Channel channel = (Channel) Proxy.newProxyInstance(
            Channel.class.getClassLoader(), new Class<?>[] {Channel.class}, (proxy, method, args) -> {
                if (method.getName().equals("basicAck")) {
                    acks.add(args[0] + ((Boolean) args[1] ? "+" : ""));
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });
    final AckCoalescer coalescer = new AckCoalescer(channel);

    void deliver(long from, long to) {
        for (long tag = from; tag <= to; tag++) {
            coalescer.delivered(tag);
        }
    }

    @Test
    void acksCumulativelyOnlyUpToTheFirstUnfinishedTag() throws Exception {
        deliver(1, 10);
        coalescer.completed(2);
        coalescer.completed(3);
        coalescer.flush();
        assertThat(acks).isEmpty();
        coalescer.completed(1);
        coalescer.flush();
        assertThat(acks).containsExactly("3+");
        coalescer.flush();
        assertThat(acks).containsExactly("3+");
    }

    @Test
    void neverNamesATagThatWasSettledOnItsOwn() throws Exception {
        deliver(1, 10);
        coalescer.completed(1);
        coalescer.settledIndividually(2); // nacked
        coalescer.flush();
        assertThat(acks).containsExactly("1+");
        coalescer.settledIndividually(3);
        coalescer.flush();
        assertThat(acks).as("nothing left to ack").containsExactly("1+");
    }

    @Test
    void completionsStuckBehindASlowJobAreAckedOneByOne() throws Exception {
        deliver(1, 10);
        coalescer.completed(2);
        coalescer.completed(3);
        Thread.sleep(AckCoalescer.MAX_WAIT_NANOS / 1_000_000 + 20);
        coalescer.flush();
        assertThat(acks).containsExactly("2", "3");
        assertThat(coalescer.waiting()).isZero();
        coalescer.completed(1); // the slow one finally finishes: ack it alone, not 2 or 3 again
        coalescer.flush();
        assertThat(acks).containsExactly("2", "3", "1+");
    }

    @Test
    void startsFromTheFirstDeliveredTag() throws Exception {
        deliver(41, 45); // e.g. after a recovery the client keeps counting
        coalescer.completed(41);
        coalescer.completed(42);
        coalescer.flush();
        assertThat(acks).containsExactly("42+");
    }
}
