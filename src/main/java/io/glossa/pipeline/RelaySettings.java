package io.glossa.pipeline;

import java.time.Duration;

/**
 * Tuning of the {@link OutboxRelay}.
 *
 * @param batchSize      most jobs per publish (one confirm round trip)
 * @param maxPending     most jobs handed over in memory; beyond that they wait in the store for the next sweep
 * @param sweepInterval  how often the store is read for jobs no one in this process is publishing
 * @param orphanAge      how old an unpublished job must be before a sweep takes it (younger ones are still
 *                       in the hands of the process that accepted them)
 * @param minBackoff     first wait after the broker failed
 * @param maxBackoff     longest wait between retries
 * @param linger         how long after its acceptance a realtime job may wait for others to share its publish
 *                       (fewer, fuller messages: less work per text for the broker, the workers and the database);
 *                       zero publishes whatever has arrived at once
 */
public record RelaySettings(
        int batchSize,
        int maxPending,
        Duration sweepInterval,
        Duration orphanAge,
        Duration minBackoff,
        Duration maxBackoff,
        Duration linger) {
    /**
     * Sweeps every 5 s: orphans are rare (a crashed process, an overflowing hand-over, a long broker outage) and a
     * sweep claims rows in the store, which cost 8% of serve's CPU when it ran every second under load (profiled).
     */
    public static final RelaySettings DEFAULT = new RelaySettings(
            500,
            100_000,
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofMillis(100),
            Duration.ofSeconds(5),
            Duration.ZERO);

    public RelaySettings {
        if (linger == null || linger.isNegative()) {
            throw new IllegalArgumentException("the relay's linger must be zero or more, got " + linger);
        }
    }

    public RelaySettings withLinger(Duration value) {
        return new RelaySettings(batchSize, maxPending, sweepInterval, orphanAge, minBackoff, maxBackoff, value);
    }
}
