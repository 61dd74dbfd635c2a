package io.glossa.corpus;

/**
 * How many bad lines a file may have before reading stops: more than {@code maxBadLines} at any point,
 * or more than {@code maxBadFraction} of all lines at the end.
 */
public record BadLinePolicy(long maxBadLines, double maxBadFraction) {
    public static final BadLinePolicy DEFAULT = new BadLinePolicy(1000, 0.01);

    public BadLinePolicy {
        if (maxBadLines < 0) {
            throw new IllegalArgumentException("maxBadLines must be >= 0");
        }
        if (maxBadFraction < 0 || maxBadFraction > 1) {
            throw new IllegalArgumentException("maxBadFraction must be in [0, 1]");
        }
    }
}
