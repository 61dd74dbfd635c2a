package io.glossa.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.features.BucketRows;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LabelSums} must do: give, for every range of row words, the exact integer sums of a plain
 * reference, up to the largest quantised weights ScoringKernel hands it. Each kernel's test extends this.
 */
abstract class LabelSumsContract {
    /** The default model's shape: 38 labels, 40 slots, 64-byte rows. */
    static final int SLOTS = 38;

    static final int STRIDE = 64;
    private static final int BUCKETS = 4_096;

    /** The kernel under test over {@code table}. */
    abstract LabelSums kernel(byte[] table, int stride, int slots);

    @Test
    void sumsEqualThePlainReferenceForEveryRangeOfWords() {
        Random random = new Random(21);
        byte[] table = new byte[BUCKETS * STRIDE];
        random.nextBytes(table);
        LabelSums sums = kernel(table, STRIDE, SLOTS);
        int words = BucketRows.paddedLength(SLOTS) / 8;
        for (int trial = 0; trial < 200; trial++) {
            int m = random.nextInt(300);
            int[] rows = new int[m];
            int[] xq = new int[m];
            long xSum = 0;
            for (int i = 0; i < m; i++) {
                rows[i] = random.nextInt(BUCKETS) * STRIDE + BucketRows.PAYLOAD_OFFSET;
                xq[i] = random.nextInt(32_768);
                xSum += xq[i];
            }
            int from = random.nextInt(words);
            int end = from + 1 + random.nextInt(words - from);
            int[] actual = new int[sums.sumsLength(SLOTS)];

            sums.accumulate(rows, xq, m, xSum, from, end, actual);

            for (int p = 8 * from; p < 8 * end; p++) {
                assertThat(actual[p])
                        .as("slot %d of words %d..%d", p, from, end)
                        .isEqualTo(reference(table, rows, xq, p));
            }
        }
    }

    /** At ScoringKernel's budget every weight at either extreme must not overflow: all +127, then all -128. */
    @Test
    void sumsAtTheBudgetWithExtremeWeightsDoNotOverflow() {
        for (int stored : new int[] {255, 0}) {
            byte[] table = new byte[BUCKETS * STRIDE];
            java.util.Arrays.fill(table, (byte) stored);
            int m = BUCKETS;
            int[] rows = new int[m];
            int[] xq = new int[m];
            for (int i = 0; i < m; i++) {
                rows[i] = i * STRIDE + BucketRows.PAYLOAD_OFFSET;
                xq[i] = 16_000_000 / m;
            }
            long xSum = (long) m * xq[0];
            int[] actual = new int[kernel(table, STRIDE, SLOTS).sumsLength(SLOTS)];

            kernel(table, STRIDE, SLOTS).accumulate(rows, xq, m, xSum, 0, 5, actual);

            assertThat(actual[0]).isEqualTo(xSum * (stored - BucketRows.WEIGHT_BIAS));
            assertThat(actual[39]).isEqualTo(actual[0]);
        }
    }

    /** What {@code action} gives with the vector kernel turned off ({@link VectorKernels#PROPERTY}). */
    static <T> T withoutVectors(Supplier<T> action) {
        String before = System.setProperty(VectorKernels.PROPERTY, "false");
        try {
            return action.get();
        } finally {
            if (before == null) {
                System.clearProperty(VectorKernels.PROPERTY);
            } else {
                System.setProperty(VectorKernels.PROPERTY, before);
            }
        }
    }

    private static long reference(byte[] table, int[] rows, int[] xq, int slot) {
        long sum = 0;
        for (int i = 0; i < rows.length; i++) {
            sum += (long) xq[i] * ((table[rows[i] + slot] & 0xFF) - BucketRows.WEIGHT_BIAS);
        }
        return sum;
    }
}
