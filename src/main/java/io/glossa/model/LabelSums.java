package io.glossa.model;

/**
 * The inner loop of scoring: for each label slot of a range of row words, the exact integer sum over a text's
 * features of quantised feature weight times stored int8 weight. Two implementations give the same integers: {@link
 * ScalarLabelSums} (plain Java, always available) and {@code VectorLabelSums} (the Vector API, used when the JVM was
 * started with {@code --add-modules jdk.incubator.vector}); {@link #best} picks one.
 */
interface LabelSums {
    /**
     * Sets {@code sums[p]} = sum over {@code i < m} of {@code xq[i] * w(rows[i], p)} for every slot p of the words
     * {@code fromWord} to {@code endWord - 1} (8 slots a word), where w is the signed weight stored at byte {@code
     * rows[i] + p}. {@code xSum} is the sum of {@code xq[0..m)}. Other entries of {@code sums} may be overwritten.
     */
    void accumulate(int[] rows, int[] xq, int m, long xSum, int fromWord, int endWord, int[] sums);

    /** How many entries {@code sums} needs for rows with {@code slots} label slots. */
    int sumsLength(int slots);

    /** What {@code glossa info} shows: which kernel scores. */
    String description();

    /**
     * The Vector API kernel when the module is present, the hardware has 256-bit vectors or wider and the rows leave
     * room for its wide loads; otherwise the scalar one.
     */
    static LabelSums best(byte[] table, int stride, int slots) {
        LabelSums vector = VectorKernels.load(table, stride, slots);
        return vector != null ? vector : new ScalarLabelSums(table);
    }
}
