package io.glossa.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long command on stderr. On a terminal: one line redrawn in place a few times a second, with a bar
 * (when the total is known), the count, the rate and the time left. Elsewhere (a pipe, a log file, CI): a plain line
 * every {@code interval}, which log tools can read. The rate is the average since the start, so the time left is the
 * remaining work at that rate.
 */
final class ProgressMeter {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter err;
    private final String label;
    private final String unit;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final long start;
    private long nextPrint;
    private boolean drawn;

    ProgressMeter(
            PrintWriter err,
            String label,
            String unit,
            boolean terminal,
            java.time.Duration interval,
            LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.unit = unit;
        this.terminal = terminal;
        this.intervalNanos = terminal ? REDRAW_NANOS : interval.toNanos();
        this.clock = clock;
        this.start = clock.getAsLong();
        this.nextPrint = start + intervalNanos;
    }

    /** A meter for this process's stderr: bars when a person is watching (the JVM has a console). */
    @SuppressWarnings("SystemConsoleNull") // Java 17 runtime: null means no terminal; Console.isTerminal is Java 22+
    static ProgressMeter forStderr(PrintWriter err, String label, String unit, java.time.Duration interval) {
        return new ProgressMeter(err, label, unit, System.console() != null, interval, System::nanoTime);
    }

    /** @param total the whole amount, or a negative number when unknown (then no bar and no time left) */
    void update(long done, long total, String extra) {
        long now = clock.getAsLong();
        if (now < nextPrint) {
            return;
        }
        nextPrint = now + intervalNanos;
        String line = line(done, total, now, extra);
        if (terminal) {
            err.print("\r" + line + "\u001b[K"); // ESC[K clears what a longer previous line left
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the redrawn line (if any) and prints the summary on a line of its own. */
    void finish(String summary) {
        note(summary);
    }

    /**
     * A line of its own among the progress (e.g. a stage that began): on a terminal the bar is cleared first and
     * redrawn below it at the next update, so the line is not overwritten.
     */
    void note(String line) {
        clear();
        err.println(line);
        err.flush();
    }

    /** Removes the redrawn line, if any, leaving the cursor at the start of the empty line. */
    void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }

    String line(long done, long total, long now, String extra) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder(label).append(": ");
        if (total >= 0) {
            double share = total == 0 ? 1 : Math.min(1, (double) done / total);
            if (terminal) {
                int filled = (int) Math.round(share * BAR_WIDTH);
                line.append('[')
                        .append("#".repeat(filled))
                        .append(".".repeat(BAR_WIDTH - filled))
                        .append("] ");
            }
            line.append(String.format(Locale.ROOT, "%,d of %,d %s (%.0f%%)", done, total, unit, share * 100));
        } else {
            line.append(String.format(Locale.ROOT, "%,d %s", done, unit));
        }
        line.append(String.format(Locale.ROOT, ", %,.0f %s/s", rate, unit));
        if (total >= 0 && done < total && rate > 0) {
            line.append(", ").append(eta((total - done) / rate)).append(" left");
        }
        if (!extra.isEmpty()) {
            line.append(", ").append(extra);
        }
        return line.toString();
    }

    /** h:mm:ss, or m:ss under an hour. */
    static String eta(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
