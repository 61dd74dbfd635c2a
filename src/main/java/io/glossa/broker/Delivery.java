package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.glossa.pipeline.Lane;

/**
 * One job message as delivered on a lane's channel ({@code redelivered}: the broker's flag). Its outcome is reported to {@code acks}, the coalescer of the
 * channel it came on; once that channel broke, the delivery is stale (the broker redelivers it).
 */
record Delivery(
        Lane lane,
        AckCoalescer acks,
        long deliveryTag,
        boolean redelivered,
        AMQP.BasicProperties properties,
        byte[] body) {
    Channel channel() {
        return acks.channel();
    }
}
