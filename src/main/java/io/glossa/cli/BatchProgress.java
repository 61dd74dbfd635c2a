package io.glossa.cli;

import io.glossa.client.batch.BatchListener;
import io.glossa.client.batch.BatchTally;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress of a long batch on stderr: a bar with rate and time left on a terminal, one line every 5 s otherwise
 * (see {@link ProgressMeter}), and a last line with the totals. The total is known when the input is a file.
 * Silent with {@code --quiet}; a short run that ends before the first interval prints only the total.
 */
final class BatchProgress implements BatchListener {
    private final ProgressMeter meter;
    private final boolean quiet;
    private final long totalLines;
    private final long start = System.nanoTime();

    /** @param totalLines lines of the input, or negative when unknown (stdin) */
    BatchProgress(PrintWriter err, boolean quiet, long totalLines) {
        this.meter = ProgressMeter.forStderr(err, "batch", "lines", Duration.ofSeconds(5));
        this.quiet = quiet;
        this.totalLines = totalLines;
    }

    /** Called as lines are written; prints when an interval has passed. {@code extra} may add e.g. texts in flight. */
    @Override
    public void written(long lines, String extra) {
        if (!quiet) {
            meter.update(lines, totalLines, extra);
        }
    }

    void finished(BatchTally tally) {
        if (quiet) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        meter.finish(String.format(
                Locale.ROOT,
                "batch: done, %,d lines in %.1f s (%,.0f lines/s), %,d with an error object",
                tally.lines(),
                seconds,
                tally.lines() / Math.max(1e-9, seconds),
                tally.badLines()));
    }
}
