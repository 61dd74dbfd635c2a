package io.glossa.client.load;

/**
 * What a load run measured. Latencies are from the INTENDED send time of each text to the moment its result
 * reached the load tool, so a stalled server cannot hide latency by slowing the sender (coordinated omission).
 *
 * @param sent         submissions attempted
 * @param accepted     answered 202
 * @param rejected     answered otherwise, or the request failed
 * @param completed    results with status done
 * @param failed       results with status failed
 * @param lost         accepted but no result by the end of the drain
 * @param throughput   results per second, from the first intended send to the last result
 * @param warmUpSeconds sending before {@code seconds} began: those texts count everywhere except in the latencies
 * @param textsPerRequest 1: each text posted alone; more: posted together to /api/v1/texts:batch
 */
public record LoadReport(
        double targetRate,
        double seconds,
        long sent,
        long accepted,
        long rejected,
        long completed,
        long failed,
        long lost,
        double sendRate,
        double throughput,
        Latency submit,
        Latency endToEnd,
        double warmUpSeconds,
        int textsPerRequest) {

    /** Milliseconds. */
    public record Latency(double p50, double p95, double p99, double max, long count) {}

    public String toText() {
        return String.format(
                java.util.Locale.ROOT,
                """
                target rate      %.0f texts/s for %.1f s (after %.1f s of warm-up, not timed), %d per request
                sent             %d (%.0f/s)
                accepted         %d
                rejected         %d
                completed        %d
                failed           %d
                lost             %d
                throughput       %.0f results/s
                submit latency   p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms
                submit→result    p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d results)
                """,
                targetRate,
                seconds,
                warmUpSeconds,
                textsPerRequest,
                sent,
                sendRate,
                accepted,
                rejected,
                completed,
                failed,
                lost,
                throughput,
                submit.p50,
                submit.p95,
                submit.p99,
                submit.max,
                endToEnd.p50,
                endToEnd.p95,
                endToEnd.p99,
                endToEnd.max,
                endToEnd.count);
    }
}
