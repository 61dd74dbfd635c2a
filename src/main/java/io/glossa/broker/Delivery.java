package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.glossa.pipeline.Lane;

/**
 * One job message as delivered on a lane's channel; acked on that channel once handled. {@code epoch} numbers the
 * channel's life: after the channel broke, deliveries of an older epoch are dropped unhandled, since the broker
 * redelivers them anyway (their delivery tags mean nothing on the recovered channel).
 */
record Delivery(Lane lane, Channel channel, long deliveryTag, AMQP.BasicProperties properties, byte[] body, long epoch) {
    Delivery(Lane lane, Channel channel, long deliveryTag, AMQP.BasicProperties properties, byte[] body) {
        this(lane, channel, deliveryTag, properties, body, 0);
    }
}
