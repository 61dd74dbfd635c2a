package io.glossa.broker;

import java.util.Locale;
import java.util.Map;

/**
 * Which broker we talk to decides how queues are declared: RabbitMQ takes quorum queues with a delivery limit and
 * dead-lettering; Qpid Broker-J closes the whole connection on those {@code x-} arguments.
 */
public enum BrokerFlavour {
    RABBITMQ,
    QPID,
    OTHER;

    /**
     * From the server properties sent on connect: {@code product} is "RabbitMQ" or "Apache Qpid Broker-J Core";
     * Qpid reads its product name from its jar's manifest, which a shaded jar loses ("unknown"), so its own
     * {@code qpid.*} properties count too.
     */
    public static BrokerFlavour fromServerProperties(Map<String, Object> serverProperties) {
        Object product = serverProperties.get("product");
        String name = product == null ? "" : product.toString().toLowerCase(Locale.ROOT);
        if (name.contains("rabbitmq")) {
            return RABBITMQ;
        }
        if (name.contains("qpid") || serverProperties.keySet().stream().anyMatch(k -> k.startsWith("qpid."))) {
            return QPID;
        }
        return OTHER;
    }

    /** Quorum queues, {@code x-delivery-limit} and dead-lettering are RabbitMQ features. */
    public boolean supportsQueueArguments() {
        return this == RABBITMQ;
    }
}
