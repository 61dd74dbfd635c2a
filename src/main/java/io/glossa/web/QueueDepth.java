package io.glossa.web;

/**
 * One broker queue as the dashboard shows it.
 *
 * @param kind {@code realtime}, {@code batch} or {@code failed}
 */
public record QueueDepth(String queue, String kind, boolean present, long messages, long consumers) {}
