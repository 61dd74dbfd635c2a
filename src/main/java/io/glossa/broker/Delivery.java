package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.glossa.pipeline.Lane;

/** One job message as delivered on a lane's channel; acked on that channel once handled. */
record Delivery(Lane lane, Channel channel, long deliveryTag, AMQP.BasicProperties properties, byte[] body) {}
