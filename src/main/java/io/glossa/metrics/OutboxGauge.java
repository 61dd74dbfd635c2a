package io.glossa.metrics;

import io.glossa.concurrent.Threads;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code glossa_outbox_pending}: committed texts whose job the broker has not confirmed yet, counted in the store.
 * A background thread asks the store every few seconds and the gauge reports the last answer, so a scrape never waits
 * on the database (a database that hangs would otherwise hang /metrics too). NaN until the first answer and while the
 * store cannot be asked: a missing number, not a stale one.
 */
public final class OutboxGauge implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OutboxGauge.class);

    private final LongSupplier source;
    private volatile double value = Double.NaN;
    private volatile boolean failing;
    private ScheduledExecutorService poller;

    OutboxGauge(MeterRegistry registry, LongSupplier source) {
        this.source = source;
        Gauge.builder("glossa.outbox.pending", this, OutboxGauge::value)
                .description("Committed texts whose job the broker has not confirmed yet (whole database)")
                .strongReference(true)
                .register(registry);
    }

    /** Registers the gauge and polls {@code source} (which throws when the store is down) every {@code interval}. */
    @SuppressWarnings("FutureReturnValueIgnored") // a periodic task: it handles its own failures and shutdown ends it
    public static OutboxGauge start(MeterRegistry registry, LongSupplier source, Duration interval) {
        OutboxGauge gauge = new OutboxGauge(registry, source);
        gauge.poller = Executors.newSingleThreadScheduledExecutor(Threads.daemonFactory("outbox-gauge"));
        gauge.poller.scheduleWithFixedDelay(gauge::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return gauge;
    }

    void poll() {
        try {
            value = source.getAsLong();
            failing = false;
        } catch (RuntimeException e) {
            value = Double.NaN;
            if (!failing) {
                LOG.debug("outbox size not available: {}", e.toString());
            }
            failing = true;
        }
    }

    double value() {
        return value;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
