package io.glossa.client.load;

/**
 * The rate at which a batch may submit texts, stepped once a second by how the realtime lane fares (additive-increase,
 * multiplicative-decrease, as TCP paces itself by loss): realtime texts keep their latency, and a batch with nobody
 * else about runs as fast as the pipeline takes it.
 *
 * <ul>
 *   <li>realtime p99 over twice the target: down to the minimum at once, then hold;</li>
 *   <li>realtime p99 over the target, or realtime jobs piling up in their queue: halve the rate, then hold it for a
 *       few seconds, because latency shows a change only seconds later;</li>
 *   <li>realtime p99 near the target: hold;</li>
 *   <li>realtime traffic well under the target: grow slowly (×1.1 + 10/s);</li>
 *   <li>no realtime traffic: grow fast (×1.5), but never beyond twice what the batch actually achieved, so that the
 *       rate stays meaningful when the window of results in flight is what limits the batch.</li>
 * </ul>
 * Between those steps the caller glances at how fast realtime texts arrive ({@link #glance}, several times a
 * second): realtime traffic that begins after a quiet spell drops the rate to the minimum at once. The latency
 * would show it only once those texts are stored, a second or more later, and realtime's first second beside a batch
 * at full speed is what set its p99.
 * Pure: the caller polls {@code /api/v1/lanes} and measures what it sent.
 */
public final class AdaptivePace {
    /** Fewer realtime texts than this in the window give no p99 worth steering by. */
    static final long MIN_SAMPLES = 20;
    /** Realtime messages waiting beyond this: workers are behind, whatever the latency says yet. */
    static final long REALTIME_QUEUE_LIMIT = 100;
    /** The realtime p99 kept below when none was measured before the batch started. */
    public static final double DEFAULT_TARGET_MS = 50;
    /** The batch may raise the realtime p99 to this multiple of its idle value (the goal is 2×; a margin for lag). */
    static final double IDLE_MULTIPLE = 1.8;
    /** An idle p99 of a few milliseconds would give a target jitter alone exceeds. */
    static final double MIN_TARGET_MS = 10;

    /** Realtime texts arriving this fast (per second, over one glance) after a quiet spell: traffic has begun. */
    static final double ONSET_PER_SECOND = 50;
    /** Realtime slower than this is quiet: a trickle may not drop the batch to its minimum again and again. */
    static final double QUIET_PER_SECOND = 10;
    /** How long realtime must have been quiet for new traffic to count as an onset. */
    static final double QUIET_SECONDS = 1;

    private static final int HOLD_SECONDS = 3;

    private final double minRate;
    private final double maxRate;
    private double targetMs;
    private double rate;
    private int hold;
    /** Seconds of quiet glances in a row; unknown before the first glance, so traffic seen then is an onset too. */
    private double quietSeconds = Double.POSITIVE_INFINITY;

    /**
     * @param startRate texts/s before the first observation
     * @param minRate   the batch never goes slower (it must finish some day)
     * @param maxRate   never faster (0: no cap)
     * @param targetMs  the realtime p99 to keep under; NaN: from {@link #baseline}, else {@link #DEFAULT_TARGET_MS}
     */
    public AdaptivePace(double startRate, double minRate, double maxRate, double targetMs) {
        if (!(minRate > 0) || startRate < minRate || maxRate < 0 || (maxRate > 0 && maxRate < minRate)) {
            throw new IllegalArgumentException("need 0 < minRate <= startRate and maxRate 0 or >= minRate");
        }
        this.minRate = minRate;
        this.maxRate = maxRate > 0 ? maxRate : Double.POSITIVE_INFINITY;
        this.targetMs = targetMs;
        this.rate = Math.min(startRate, this.maxRate);
    }

    /**
     * The lanes before the batch starts: a realtime p99 measured then (with no batch) sets the target, if unset, and
     * realtime traffic already flowing is no onset.
     */
    public void baseline(LaneLoad idle) {
        if (realtimeMeasured(idle)) {
            quietSeconds = 0; // realtime traffic is already there: the start rate was chosen for it, no onset
            if (Double.isNaN(targetMs)) {
                targetMs = Math.max(MIN_TARGET_MS, IDLE_MULTIPLE * idle.realtimeP99Ms());
            }
        }
    }

    /**
     * One second's observation.
     *
     * @param load     the lanes now ({@link LaneLoad#UNKNOWN} if the API did not answer)
     * @param achieved texts/s the batch submitted over the last second
     * @return the rate from now on
     */
    @SuppressWarnings(
            "ReferenceEquality") // UNKNOWN is a sentinel instance: a measured load equal to it is still measured
    public double observe(LaneLoad load, double achieved) {
        if (realtimeMeasured(load) && load.realtimeP99Ms() > 2 * targetMs()) {
            // far over: realtime traffic arrived while the batch ran fast, and halving once a second took seconds
            // to get down from thousands a second, long enough to set realtime's p99 on its own
            rate = minRate;
            hold = HOLD_SECONDS;
        } else if (load == LaneLoad.UNKNOWN
                || load.realtimeQueued() > REALTIME_QUEUE_LIMIT
                || (realtimeMeasured(load) && load.realtimeP99Ms() > targetMs())) {
            rate = Math.max(minRate, rate / 2);
            hold = HOLD_SECONDS;
        } else if (realtimeMeasured(load) && load.realtimeP99Ms() > 0.75 * targetMs()) {
            hold = Math.max(hold, 1);
        } else if (hold > 0) {
            hold--;
        } else {
            double grown = realtimeMeasured(load) ? rate * 1.1 + 10 : rate * 1.5;
            double ceiling = Math.max(rate, 2 * achieved);
            rate = Math.min(maxRate, Math.min(grown, ceiling));
        }
        return rate;
    }

    /**
     * A glance between two {@link #observe} steps.
     *
     * @param arrived realtime texts the API accepted since the last glance (negative: unknown, nothing to see)
     * @param seconds the time since the last glance
     * @return the rate from now on
     */
    public double glance(long arrived, double seconds) {
        if (arrived < 0 || !(seconds > 0)) {
            return rate;
        }
        double perSecond = arrived / seconds;
        if (perSecond >= ONSET_PER_SECOND && quietSeconds >= QUIET_SECONDS) {
            rate = minRate;
            hold = HOLD_SECONDS;
        }
        quietSeconds = perSecond < QUIET_PER_SECOND ? quietSeconds + seconds : 0;
        return rate;
    }

    public double rate() {
        return rate;
    }

    /** The realtime p99 the pace keeps under. */
    public double targetMs() {
        return Double.isNaN(targetMs) ? DEFAULT_TARGET_MS : targetMs;
    }

    private static boolean realtimeMeasured(LaneLoad load) {
        return load.realtimeCompleted() >= MIN_SAMPLES && Double.isFinite(load.realtimeP99Ms());
    }
}
