package io.glossa.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long batch on stderr, one line every few seconds ({@code lines/s} since the start), and a last line
 * with the totals. Silent with {@code --quiet}; a short run that ends before the first interval prints only the total.
 */
final class BatchProgress {
    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter err;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private long nextReport = start + INTERVAL_NANOS;

    BatchProgress(PrintWriter err, boolean quiet) {
        this.err = err;
        this.quiet = quiet;
    }

    /** Called as lines are written; prints when an interval has passed. {@code extra} may add e.g. texts in flight. */
    void written(long lines, String extra) {
        long now = System.nanoTime();
        if (quiet || now < nextReport) {
            return;
        }
        nextReport = now + INTERVAL_NANOS;
        err.printf(Locale.ROOT, "batch: %,d lines written, %,.0f lines/s%s%n", lines, rate(lines, now),
                extra.isEmpty() ? "" : ", " + extra);
        err.flush();
    }

    void finished(BatchTally tally) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        err.printf(Locale.ROOT, "batch: done, %,d lines in %.1f s (%,.0f lines/s), %,d with an error object%n",
                tally.lines(), (now - start) / 1e9, rate(tally.lines(), now), tally.badLines());
        err.flush();
    }

    private double rate(long lines, long now) {
        return lines / Math.max(1e-9, (now - start) / 1e9);
    }
}
