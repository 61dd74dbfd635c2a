package io.glossa.web;

import io.glossa.concurrent.Threads;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Once a second, turns the cumulative meters into the dashboard's per-second numbers and keeps them in a
 * {@link StatsHistory}, so a dashboard opened now shows the last 15 minutes. It reads the meters that the accept and
 * result paths update anyway: recording costs those paths nothing.
 */
final class StatsSampler implements AutoCloseable {
    /** Percentiles over the 10 seconds up to each second, as the dashboard has always shown them. */
    static final int LATENCY_WINDOW_SECONDS = 10;
    /** Closer samples (a late timer catching up) would turn a few milliseconds' counts into a rate spike. */
    private static final long MIN_SPACING_MILLIS = 500;

    private record Reading(
            long second,
            Instant at,
            long accepted,
            long completed,
            CumulativeHistogram latency,
            CumulativeHistogram realtime) {}

    private final MeterReadings meters;
    private final Clock clock;
    private final StatsHistory history = new StatsHistory();
    private final Deque<Reading> window = new ArrayDeque<>();
    private ScheduledExecutorService timer;

    public StatsSampler(MeterRegistry registry, Clock clock) {
        this.meters = new MeterReadings(registry);
        this.clock = clock;
    }

    /** Samples every second on a daemon thread until closed. */
    @SuppressWarnings("FutureReturnValueIgnored") // a periodic task: it handles its own failures and shutdown ends it
    public StatsSampler start() {
        timer = Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("stats-sampler"));
        // at half past each second: far from the boundaries, so jitter does not move a sample into another second
        long delay = Math.floorMod(500 - clock.millis(), 1000L);
        timer.scheduleAtFixedRate(this::sampleQuietly, delay, 1000, TimeUnit.MILLISECONDS);
        return this;
    }

    StatsHistory history() {
        return history;
    }

    /** One sample; the first only sets the baseline the next one's rates start from. */
    @SuppressWarnings("ReferenceEquality") // keeps that very reading in the window, not one equal to it
    synchronized void sample() {
        Instant now = clock.instant();
        Reading reading = new Reading(
                now.getEpochSecond(),
                now,
                meters.count(MeterReadings.ACCEPTED, null),
                meters.completed(),
                meters.histogram(MeterReadings.SUBMIT_TO_RESULT),
                meters.histogram(MeterReadings.END_TO_END, "realtime"));
        Reading previous = window.peekLast();
        if (previous != null
                && (reading.second() <= previous.second()
                        || now.toEpochMilli() - previous.at().toEpochMilli() < MIN_SPACING_MILLIS)) {
            return; // a late timer catching up: the next sample covers this one's time too
        }
        window.addLast(reading);
        // the previous reading stays even when older than the window: after a stall it is the only baseline left
        while (window.peekFirst() != previous
                && window.peekFirst().second() < reading.second() - LATENCY_WINDOW_SECONDS) {
            window.removeFirst();
        }
        if (previous != null) {
            record(previous, reading);
        }
    }

    /**
     * The counts since the previous sample, spread evenly over the seconds since its second: per-second values that
     * add up to exactly what was counted. A sampler that ran late (a starved machine) thus fills the seconds it
     * missed with their average instead of leaving a hole followed by a spike.
     */
    private void record(Reading previous, Reading reading) {
        long seconds = reading.second() - previous.second();
        Reading oldest = window.peekFirst();
        SecondStats stats = new SecondStats(
                reading.second(),
                (reading.accepted() - previous.accepted()) / (double) seconds,
                (reading.completed() - previous.completed()) / (double) seconds,
                millis(reading, oldest, 0.50),
                millis(reading, oldest, 0.95),
                millis(reading, oldest, 0.99));
        long missed = Math.min(seconds - 1, StatsHistory.SECONDS);
        for (long s = reading.second() - missed; s < reading.second(); s++) {
            history.put(stats.at(s));
        }
        history.put(stats);
    }

    /**
     * The realtime lane's texts stored by this process's workers over about the last {@code seconds} (submission →
     * stored result, {@code glossa_end_to_end_seconds{lane="realtime"}}): how many, and their p99. Null when this
     * process runs no workers or has fewer than two samples yet; seconds is at most the 10 s the sampler keeps.
     */
    @SuppressWarnings("ReferenceEquality") // skips that very reading of the window, not one equal to it
    synchronized LaneLatency realtimeOver(int seconds) {
        Reading newest = window.peekLast();
        if (newest == null || newest.realtime() == null) {
            return null;
        }
        Reading older = null;
        for (Reading reading : window) {
            if (reading != newest && reading.second() >= newest.second() - seconds) {
                older = reading;
                break;
            }
        }
        if (older == null || older.realtime() == null) {
            return null;
        }
        long count = newest.realtime().count() - older.realtime().count();
        double p99 = newest.realtime().quantileSince(older.realtime(), 0.99) * 1000;
        return new LaneLatency(newest.second() - older.second(), count, count > 0 ? p99 : Double.NaN);
    }

    private static double millis(Reading newer, Reading older, double q) {
        return newer.latency() == null ? Double.NaN : newer.latency().quantileSince(older.latency(), q) * 1000;
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: one failed sample must not end the history
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
