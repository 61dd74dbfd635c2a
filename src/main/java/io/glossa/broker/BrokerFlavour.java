package io.glossa.broker;

import java.util.Locale;
import java.util.Map;

/**
 * Which broker we talk to decides how queues are declared: RabbitMQ takes quorum queues with a delivery limit and
 * dead-lettering; Qpid Broker-J closes the whole connection on those {@code x-} arguments.
 */
public enum BrokerFlavour {
    RABBITMQ, QPID, OTHER;

    /** From the {@code product} server property sent on connect (RabbitMQ: "RabbitMQ"; Qpid: "Apache Qpid Broker-J"…). */
    public static BrokerFlavour fromServerProperties(Map<String, Object> serverProperties) {
        Object product = serverProperties.get("product");
        String name = product == null ? "" : product.toString().toLowerCase(Locale.ROOT);
        if (name.contains("rabbitmq")) {
            return RABBITMQ;
        }
        if (name.contains("qpid")) {
            return QPID;
        }
        return OTHER;
    }

    /** Quorum queues, {@code x-delivery-limit} and dead-lettering are RabbitMQ features. */
    public boolean supportsQueueArguments() {
        return this == RABBITMQ;
    }
}
