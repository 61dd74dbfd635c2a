package io.glossa.web;

/**
 * One second of the dashboard's history. A value with nothing to say (no result in the latency window) is NaN.
 *
 * @param second    epoch second
 * @param accepted  texts accepted per second
 * @param completed results this API saw per second (done and failed)
 * @param p50Ms     submit → result percentiles (ms) over the window of seconds up to this one
 */
record SecondStats(long second, double accepted, double completed, double p50Ms, double p95Ms, double p99Ms) {
    SecondStats at(long otherSecond) {
        return new SecondStats(otherSecond, accepted, completed, p50Ms, p95Ms, p99Ms);
    }
}
