package io.glossa.cli;

import io.glossa.corpus.BadLine;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Prints bad corpus lines to stderr as {@code bad line file:line: reason}, like {@code train} does. Only the first few are printed, so a
 * badly broken file does not flood the terminal; the total is printed at the end.
 */
final class BadLineReporter implements Consumer<BadLine> {
    static final int SHOWN = 10;

    private final PrintWriter err;
    private long count;

    BadLineReporter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void accept(BadLine bad) {
        count++;
        if (count <= SHOWN) {
            err.println("bad line " + bad);
        }
    }

    void finish() {
        if (count > SHOWN) {
            err.println("skipped " + count + " bad lines (first " + SHOWN + " shown)");
        }
        err.flush();
    }

    long count() {
        return count;
    }
}
