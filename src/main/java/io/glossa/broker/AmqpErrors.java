package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.ShutdownSignalException;

/** Reading AMQP reply codes out of the client's exceptions (the reply texts differ between brokers). */
final class AmqpErrors {
    static final int NOT_FOUND = 404;
    static final int PRECONDITION_FAILED = 406;

    private AmqpErrors() {}

    /** The channel- or connection-close reply code carried by {@code e} or its causes, or 0. */
    static int replyCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ShutdownSignalException signal) {
                Object reason = signal.getReason();
                if (reason instanceof AMQP.Channel.Close close) {
                    return close.getReplyCode();
                }
                if (reason instanceof AMQP.Connection.Close close) {
                    return close.getReplyCode();
                }
            }
        }
        return 0;
    }
}
