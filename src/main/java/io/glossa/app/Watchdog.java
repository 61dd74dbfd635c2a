package io.glossa.app;

import io.glossa.concurrent.Threads;
import io.glossa.web.ReadinessCheck;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a long-running process when one of its background parts has died, so that its service manager (systemd's
 * Restart=on-failure) starts a whole new one. An Error such as OutOfMemoryError ends a thread's loop for good: the
 * outbox marker once died that way, after which accepted texts were never marked published while /ready still said
 * ready. /ready reports the same parts (it fails at once); this stops the role too, with {@link StopReason#PART_DIED}
 * (the CLI exits with status 70).
 */
final class Watchdog {
    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private Watchdog() {}

    /** Checks {@code vital} every {@link #PERIOD} until the lifecycle closes. */
    @SuppressWarnings("FutureReturnValueIgnored") // a periodic task: it handles its own failures and shutdown ends it
    static void start(Lifecycle life, List<ReadinessCheck> vital) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("watchdog"));
        life.add("watchdog", timer::shutdownNow);
        timer.scheduleWithFixedDelay(
                () -> check(life, vital, timer), PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void check(Lifecycle life, List<ReadinessCheck> vital, ScheduledExecutorService timer) {
        for (ReadinessCheck part : vital) {
            if (!part.probe().getAsBoolean()) {
                LOG.error(
                        "{} stopped working (a background thread died; its error is logged above); stopping this "
                                + "process so that its service manager starts a new one",
                        part.name());
                life.fail();
                timer.shutdown();
                return;
            }
        }
    }
}
