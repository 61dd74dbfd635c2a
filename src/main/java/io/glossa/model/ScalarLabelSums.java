package io.glossa.model;

import io.glossa.features.BucketRows;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link LabelSums} in plain Java. Java 17's C2 does not vectorise this loop, so it does its own two-lane
 * arithmetic: eight stored weights (w + 128, unsigned bytes) are read as one long and split into four longs of two
 * 32-bit lanes, so one 64-bit multiply-add does two labels. Every term is non-negative and a lane's sum stays under
 * 2^32 (ScoringKernel's SUM_BUDGET), so no lane carries into the next; {@code sum(x * w) = lane - 128 * sum(x)}
 * exactly.
 */
final class ScalarLabelSums implements LabelSums {
    /** Eight weights of a row at once; little-endian, so byte j of a row's word is its slot 8q + j. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Bytes 0 and 4 of a word, each in its own 32-bit lane. */
    private static final long LANES = 0x0000_00FF_0000_00FFL;

    private final byte[] table;

    ScalarLabelSums(byte[] table) {
        this.table = table;
    }

    /**
     * Word by word: all features in one pass with the word's four lane pairs in registers. Why not feature by
     * feature: then every multiply-add also loaded and stored its accumulator. Why not two words a pass: its eight
     * accumulators, the pointers and the loop counters no longer fit x86-64's registers, and the spills made the
     * pass slower per word than one word a pass (BENCHMARKS.md, "Classification speed").
     */
    @Override
    public void accumulate(int[] rows, int[] xq, int m, long xSum, int fromWord, int endWord, int[] sums) {
        for (int q = fromWord; q < endWord; q++) {
            accumulateWord(rows, xq, m, q, sums);
        }
        // lane - 128 * sum(x) fits an int, so subtracting in wrapping int arithmetic gives it exactly
        int biasTimesX = (int) (xSum * BucketRows.WEIGHT_BIAS);
        for (int p = 8 * fromWord; p < 8 * endWord; p++) {
            sums[p] -= biasTimesX;
        }
    }

    /**
     * Slot 8q + j sits in lane pair j mod 4, the low lane for j < 4, the high one otherwise. Stored as the lanes' low
     * 32 bits; the bias comes off afterwards, so that the loop keeps no more values live than it has registers for.
     */
    private void accumulateWord(int[] rows, int[] xq, int m, int q, int[] sums) {
        byte[] w = table;
        int off = 8 * q;
        long a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (int i = 0; i < m; i++) {
            long x = xq[i];
            long v = (long) WORDS.get(w, rows[i] + off);
            a0 += x * (v & LANES);
            a1 += x * (v >>> 8 & LANES);
            a2 += x * (v >>> 16 & LANES);
            a3 += x * (v >>> 24 & LANES);
        }
        sums[off] = (int) a0;
        sums[off + 1] = (int) a1;
        sums[off + 2] = (int) a2;
        sums[off + 3] = (int) a3;
        sums[off + 4] = (int) (a0 >>> 32);
        sums[off + 5] = (int) (a1 >>> 32);
        sums[off + 6] = (int) (a2 >>> 32);
        sums[off + 7] = (int) (a3 >>> 32);
    }

    @Override
    public int sumsLength(int slots) {
        return BucketRows.paddedLength(slots);
    }

    @Override
    public String description() {
        return "scalar (two labels per 64-bit multiply)";
    }
}
