package io.glossa.evaluation;

/** Wall-clock speed of the prediction loop (not of reading the corpus or scoring). */
public record Throughput(int texts, long elapsedNanos, int threads) {
    public double textsPerSecond() {
        return elapsedNanos <= 0 ? 0.0 : texts * 1e9 / elapsedNanos;
    }

    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }
}
