package io.glossa.client.load;

import io.glossa.concurrent.Threads;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Pacer} whose rate follows the realtime lane: once a second it asks the API how the lanes fare
 * ({@code GET /api/v1/lanes}) and lets an {@link AdaptivePace} set the rate. An API too old to answer that (404)
 * gets the fixed fallback rate for the whole run, with one warning.
 */
public final class LanePacing implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LanePacing.class);

    private final TextsClient api;
    private final AdaptivePace pace;
    private final double fallbackRate;
    private final Pacer pacer;
    private final ScheduledExecutorService timer;
    private volatile double rate;
    private long sentBefore;
    private long polledAt;

    private LanePacing(TextsClient api, AdaptivePace pace, double fallbackRate) {
        this.api = api;
        this.pace = pace;
        this.fallbackRate = fallbackRate;
        this.rate = pace.rate();
        this.pacer = new Pacer(() -> rate);
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("batch-pacing"));
    }

    /** Reads the lanes once for the baseline (before the batch sends anything), then re-paces every second. */
    @SuppressWarnings("FutureReturnValueIgnored") // a periodic task: it handles its own failures and shutdown ends it
    public static LanePacing start(TextsClient api, AdaptivePace pace, double fallbackRate)
            throws InterruptedException {
        LanePacing pacing = new LanePacing(api, pace, fallbackRate);
        LaneLoad idle = pacing.ask();
        if (idle != null) {
            pace.baseline(idle);
            pacing.polledAt = System.nanoTime();
            pacing.timer.scheduleAtFixedRate(pacing::repace, 1, 1, TimeUnit.SECONDS);
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
            long sent = pacer.sent();
            double achieved = (sent - sentBefore) / ((now - polledAt) / 1e9);
            sentBefore = sent;
            polledAt = now;
            rate = pace.observe(load, achieved);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep the last rate and try at the next second
            LOG.debug("batch pacing: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
