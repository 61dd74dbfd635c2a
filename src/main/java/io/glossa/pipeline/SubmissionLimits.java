package io.glossa.pipeline;

/**
 * How much a client may submit at once.
 *
 * @param maxTextBytes  the largest text accepted, measured in UTF-8 bytes (default 100 kB = 100,000 bytes)
 * @param maxBatchSize  the most texts accepted in one batch request
 */
public record SubmissionLimits(int maxTextBytes, int maxBatchSize) {
    public static final SubmissionLimits DEFAULT = new SubmissionLimits(100_000, 1_000);

    public SubmissionLimits {
        if (maxTextBytes < 1) {
            throw new IllegalArgumentException("the text size limit must be at least 1 byte, got " + maxTextBytes);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("the batch size limit must be at least 1, got " + maxBatchSize);
        }
    }
}
