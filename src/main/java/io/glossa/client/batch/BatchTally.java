package io.glossa.client.batch;

/**
 * Counts of a batch run (or of one chunk of it): lines answered, and the lines that got an error object instead of a
 * prediction, with the first of them for the user. {@code firstBadLine} is 0 when every line was answered.
 */
public record BatchTally(long lines, long badLines, long firstBadLine, String firstError) {
    public static final BatchTally NONE = new BatchTally(0, 0, 0, null);

    public BatchTally plus(BatchTally later) {
        boolean keepOurs = firstBadLine != 0;
        return new BatchTally(
                lines + later.lines,
                badLines + later.badLines,
                keepOurs ? firstBadLine : later.firstBadLine,
                keepOurs ? firstError : later.firstError);
    }

    public BatchTally withLine() {
        return new BatchTally(lines + 1, badLines, firstBadLine, firstError);
    }

    public BatchTally withBadLine(long number, String error) {
        boolean first = firstBadLine == 0;
        return new BatchTally(lines + 1, badLines + 1, first ? number : firstBadLine, first ? error : firstError);
    }
}
