package io.glossa.broker;

/**
 * Depth and consumers of one queue; {@code present=false} if it does not exist. On Qpid {@code messages} also counts
 * delivered-but-unacked messages; on RabbitMQ only ready ones.
 */
public record QueueStats(String queue, boolean present, long messages, long consumers) {}
