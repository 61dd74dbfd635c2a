package io.glossa.cli;

import io.glossa.training.TrainingProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress of {@code glossa train} on stderr: the trainer's lines (files read, stages, each epoch's loss) as they come,
 * and during the SGD fit a {@link ProgressMeter} over its example steps — a bar with rate and time left on a
 * terminal, a plain line every 5 s elsewhere. SGD threads report steps, so everything here is synchronized.
 */
final class TrainProgress implements TrainingProgress {
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier clock;
    private ProgressMeter meter;
    private long total;

    TrainProgress(PrintWriter err, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** Bars when a person is watching (the JVM has a console), as {@link ProgressMeter#forStderr}. */
    @SuppressWarnings("SystemConsoleNull") // Java 17 runtime: null means no terminal; Console.isTerminal is Java 22+
    static TrainProgress forStderr(PrintWriter err) {
        return new TrainProgress(err, System.console() != null, System::nanoTime);
    }

    @Override
    public synchronized void accept(String line) {
        if (meter != null) {
            meter.note(line);
        } else {
            err.println(line);
            err.flush();
        }
    }

    @Override
    public synchronized void fitting(long totalSteps) {
        meter = new ProgressMeter(err, "train", "examples", terminal, INTERVAL, clock);
        total = totalSteps;
    }

    @Override
    public synchronized void fitted(long doneSteps) {
        if (meter != null) {
            meter.update(doneSteps, total, "");
        }
    }

    /** Clears a bar left on the terminal, before the report. */
    synchronized void close() {
        if (meter != null) {
            meter.clear();
        }
        meter = null;
    }
}
