package io.glossa.client.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * Spaces submissions to a rate that may change while they run: each call waits until its texts are due, then books
 * the time they take at the current rate. A sender that fell behind (it waited for results) starts afresh rather
 * than bursting to catch up.
 */
public final class Pacer {
    private static final long CATCH_UP_NANOS = 1_000_000_000L;

    private final DoubleSupplier rate;
    private final AtomicLong sent = new AtomicLong();
    private long nextDue = System.nanoTime();

    /** @param rate texts per second, read at each call; 0 or less: no limit */
    public Pacer(DoubleSupplier rate) {
        this.rate = rate;
    }

    /** A fixed rate (0: no limit). */
    public static Pacer fixed(double rate) {
        return new Pacer(() -> rate);
    }

    /** Waits until {@code texts} more may go, and counts them as sent. */
    public void await(int texts) throws InterruptedException {
        double perSecond = rate.getAsDouble();
        if (perSecond > 0) {
            long now = System.nanoTime();
            if (now - nextDue > CATCH_UP_NANOS) {
                nextDue = now;
            }
            long wait = nextDue - now;
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            nextDue += (long) (texts / perSecond * 1e9);
        }
        sent.addAndGet(texts);
    }

    /** Texts counted so far. */
    public long sent() {
        return sent.get();
    }

    /** The rate in force, texts/s (0: no limit). */
    public double rate() {
        return Math.max(0, rate.getAsDouble());
    }
}
