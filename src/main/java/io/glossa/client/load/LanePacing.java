package io.glossa.client.load;

import io.glossa.concurrent.Threads;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Pacer} whose rate follows the realtime lane: five times a second it asks the API how the lanes fare
 * ({@code GET /api/v1/lanes}); each answer is a {@link AdaptivePace#glance} at realtime arrivals, and one a second
 * also an {@link AdaptivePace#observe} step. An API too old to answer that (404) gets the fixed fallback rate for the
 * whole run, with one warning.
 */
public final class LanePacing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LanePacing.class);
    /** Often enough that realtime traffic beginning is met within a fifth of a second, not a whole one. */
    private static final long GLANCE_MILLIS = 200;
    /** Glances per {@link AdaptivePace#observe} step, which is meant for once a second. */
    private static final int GLANCES_PER_STEP = (int) (1000 / GLANCE_MILLIS);

    private final TextsClient api;
    private final AdaptivePace pace;
    private final double fallbackRate;
    private final Pacer pacer;
    private final ScheduledExecutorService timer;
    private volatile double rate;
    private long sentBefore;
    private long steppedAt;
    private long glancedAt;
    private long acceptedBefore = -1;
    private int glances;

    private LanePacing(TextsClient api, AdaptivePace pace, double fallbackRate) {
        this.api = api;
        this.pace = pace;
        this.fallbackRate = fallbackRate;
        this.rate = pace.rate();
        this.pacer = new Pacer(() -> rate);
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("batch-pacing"));
    }

    /** Reads the lanes once for the baseline (before the batch sends anything), then glances five times a second. */
    @SuppressWarnings("FutureReturnValueIgnored") // a periodic task: it handles its own failures and shutdown ends it
    public static LanePacing start(TextsClient api, AdaptivePace pace, double fallbackRate)
            throws InterruptedException {
        LanePacing pacing = new LanePacing(api, pace, fallbackRate);
        LaneLoad idle = pacing.ask();
        if (idle != null) {
            pace.baseline(idle);
            pacing.steppedAt = pacing.glancedAt = System.nanoTime();
            pacing.acceptedBefore = idle.realtimeAccepted();
            pacing.timer.scheduleAtFixedRate(pacing::repace, GLANCE_MILLIS, GLANCE_MILLIS, TimeUnit.MILLISECONDS);
        }
        return pacing;
    }

    public Pacer pacer() {
        return pacer;
    }

    /** E.g. "pace 1,200/s (realtime p99 target 40 ms)", for progress lines. */
    public String describe() {
        return String.format("pace %,.0f/s (realtime p99 target %.0f ms)", rate, pace.targetMs());
    }

    /** The lanes, {@link LaneLoad#UNKNOWN} if the API did not answer, null if it has no such endpoint. */
    private LaneLoad ask() throws InterruptedException {
        try {
            return api.lanes();
        } catch (TextsClient.ApiRefusal refusal) {
            if (refusal.status() == 404) {
                LOG.warn(
                        "the API has no /api/v1/lanes (an older glossa?): pacing the batch at a fixed {}/s",
                        fallbackRate);
                rate = fallbackRate;
                return null;
            }
            return LaneLoad.UNKNOWN;
        } catch (IOException e) {
            return LaneLoad.UNKNOWN;
        }
    }

    private void repace() {
        try {
            LaneLoad load = ask();
            if (load == null) {
                timer.shutdown();
                return;
            }
            long now = System.nanoTime();
            rate = pace.glance(arrivedSinceLastGlance(load), (now - glancedAt) / 1e9);
            glancedAt = now;
            if (++glances % GLANCES_PER_STEP == 0) {
                long sent = pacer.sent();
                double achieved = (sent - sentBefore) / ((now - steppedAt) / 1e9);
                sentBefore = sent;
                steppedAt = now;
                rate = pace.observe(load, achieved);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep the last rate and try at the next second
            LOG.debug("batch pacing: {}", e.toString());
        }
    }

    /** -1 when unknown: no answer, an API without the count, or one restarted since (its count began again). */
    private long arrivedSinceLastGlance(LaneLoad load) {
        long accepted = load.realtimeAccepted();
        long arrived =
                accepted >= 0 && acceptedBefore >= 0 && accepted >= acceptedBefore ? accepted - acceptedBefore : -1;
        acceptedBefore = accepted;
        return arrived;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
