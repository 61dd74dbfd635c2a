package io.glossa.corpus;

/** A line the reader refused, with where it is and why, so a user can fix the file. */
public record BadLine(String file, long lineNumber, String reason) {
    @Override
    public String toString() {
        return file + ":" + lineNumber + ": " + reason;
    }
}
