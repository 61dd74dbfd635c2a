package io.glossa.client.batch;

/** Told as a batch writes its lines, e.g. to show progress. */
@FunctionalInterface
public interface BatchListener {
    BatchListener NONE = (lines, status) -> {};

    /** {@code lines} written so far; {@code status} says more (e.g. texts in flight), or is empty. */
    void written(long lines, String status);
}
