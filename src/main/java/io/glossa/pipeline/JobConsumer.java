package io.glossa.pipeline;

/**
 * Consumes a lane's queue with manual acks: for each delivery it calls the handler, publishes the result event
 * (and an RPC reply when the message asked for one), then acks. Malformed messages go to the failed queue.
 */
public interface JobConsumer extends AutoCloseable {
    /** Starts consuming; returns at once. */
    void start(JobHandler handler);

    @Override
    void close();
}
