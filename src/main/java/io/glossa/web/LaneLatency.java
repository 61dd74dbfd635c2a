package io.glossa.web;

/**
 * One lane's results over a recent span: how many were stored and their p99 in milliseconds (NaN when none).
 *
 * @param seconds the span the numbers cover
 */
record LaneLatency(long seconds, long count, double p99Ms) {}
