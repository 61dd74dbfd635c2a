package io.glossa.training;

/**
 * Vectorised examples in memory: sparse rows (bucket indices and weights), label indices and per-example loss
 * weights (class balancing).
 */
public record TrainingSet(int labels, int[][] indices, float[][] values, int[] targets, float[] weights) {
    public int size() {
        return targets.length;
    }
}
