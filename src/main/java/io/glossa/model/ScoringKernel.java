package io.glossa.model;

import io.glossa.features.BucketRows;
import io.glossa.features.FeatureCounts;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The scoring kernel of a {@link LanguageModel}: linear scores from the packed int8 weights, restricted to the labels
 * written in the text's scripts ({@link ScriptPlan}), and the calibrated softmax. Immutable; the per-thread buffers
 * are the caller's {@link LanguageModel.Scratch}.
 */
final class ScoringKernel {
    /**
     * The most the quantised feature weights of one text may add up to, so that times a stored weight (<= 255),
     * plus rounding, a lane's sum stays under 2^32. Short texts never come near it; without it, a long text of
     * many equally weighted features overflowed (test aLongTextOfManyEqualFeaturesDoesNotOverflowTheScores).
     */
    private static final double SUM_BUDGET = 16_000_000;
    /** Eight weights of a row at once; little-endian, so byte j of a row's word is its label 8q + j. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Bytes 0 and 4 of a word, each in its own 32-bit lane. */
    private static final long LANES = 0x0000_00FF_0000_00FFL;

    /** idf, scale and int8 weights of each bucket in one row (see BucketRows): what scoring reads. */
    private final byte[] table;

    private final int stride;
    private final float[] bias;
    private final int labelCount;
    private final float invTemperature;
    private final ScriptPlan plan;

    ScoringKernel(BucketRows packed, float[] bias, double temperature, ScriptPlan plan) {
        this.table = packed.bytes();
        this.stride = packed.stride();
        this.bias = bias;
        this.labelCount = bias.length;
        this.invTemperature = (float) (1 / temperature);
        this.plan = plan;
    }

    /**
     * The linear scores of the vector {@code features} / {@code norm} (feature values already carry the row scales,
     * see FeatureVectorizer#vectorizeUnnormalized; dividing the sums by the norm, not each feature, saves a pass).
     * This is the hot loop (most of classify), and Java 17's C2 does not vectorise it, so it does its own two-lane
     * arithmetic: each feature's weight x is quantised to at most 16 unsigned bits relative to the text's largest
     * one; eight stored weights (w + 128, unsigned bytes) are read as one long and split into four longs of two
     * 32-bit lanes, so one 64-bit multiply-add does two labels. Every term is non-negative and a lane's sum stays
     * under 2^32 (see SUM_BUDGET), so no lane carries into the next; {@code sum(x * w) = lane - 128 * sum(x)}
     * exactly. Relative error of a score is below 2^-15 of the largest feature weight (of the sum of all of them,
     * for texts of thousands of characters). Speed: BENCHMARKS.md, "Classification speed".
     */
    void score(
            FeatureCounts features,
            float norm,
            float[] scores,
            LanguageModel.Scratch scratch,
            int mask,
            float excluded) {
        int n = features.size();
        scratch.ensureFeatures(n);
        int[] rows = scratch.rows;
        float[] xs = scratch.xs;
        int m = 0;
        float max = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float x = features.valueAt(i);
            if (x > 0) { // weights are never negative (idf and scales are checked at load)
                rows[m] = features.keyAt(i) * stride + BucketRows.PAYLOAD_OFFSET;
                xs[m] = x;
                max = Math.max(max, x);
                sum += x;
                m++;
            }
        }
        if (m == 0) {
            Arrays.fill(scratch.acc, 0L);
            unpack(scratch.acc, 0, 0, scores, mask, excluded);
            return;
        }
        // 16 bits for the largest weight; fewer when the text is so long that a lane's sum could reach 2^32
        float inv = (float) Math.min(32767 / max, SUM_BUDGET / sum);
        int[] xq = scratch.xq;
        long xSum = 0;
        for (int i = 0; i < m; i++) {
            xq[i] = Math.round(xs[i] * inv);
            xSum += xq[i];
        }
        accumulate(rows, xq, m, scratch.acc, plan.firstWord(mask), plan.endWord(mask));
        unpack(scratch.acc, xSum * BucketRows.WEIGHT_BIAS, 1 / (inv * norm), scores, mask, excluded);
    }

    /**
     * Word by word: for words {@code from} to {@code words - 1} of each row (those holding the labels written in the
     * text's scripts), all features in one pass with the word's four lane pairs in registers. Why not feature by
     * feature: then every multiply-add also loaded and stored its accumulator. Why not two words a pass: its eight
     * accumulators, the pointers and the loop counters no longer fit x86-64's registers, and the spills made the
     * pass slower per word than one word a pass (BENCHMARKS.md, "Classification speed").
     */
    private void accumulate(int[] rows, int[] xq, int m, long[] acc, int from, int words) {
        for (int q = from; q < words; q++) {
            accumulateWord(rows, xq, m, acc, q);
        }
    }

    private void accumulateWord(int[] rows, int[] xq, int m, long[] acc, int q) {
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
        int a = 4 * q;
        acc[a] = a0;
        acc[a + 1] = a1;
        acc[a + 2] = a2;
        acc[a + 3] = a3;
    }

    /**
     * The label in row slot p = 8q + j sits in lane pair 4q + (j mod 4), low lane for j < 4, high lane otherwise.
     * Labels not written in the text's scripts get {@code excluded}, or with NaN 30 below the lowest allowed score.
     */
    private void unpack(long[] acc, long biasTimesX, float unit, float[] scores, int mask, float excluded) {
        float min = Float.POSITIVE_INFINITY;
        for (int k = 0; k < labelCount; k++) {
            if (!plan.allows(k, mask)) {
                continue;
            }
            int p = plan.slot(k);
            long pair = acc[4 * (p >> 3) + (p & 3)];
            long lane = (p & 4) == 0 ? pair & 0xFFFF_FFFFL : pair >>> 32;
            scores[k] = bias[k] + (lane - biasTimesX) * unit;
            min = Math.min(min, scores[k]);
        }
        float floor = Float.isNaN(excluded) ? min - 30 : excluded;
        for (int k = 0; k < labelCount; k++) {
            if (!plan.allows(k, mask)) {
                scores[k] = floor;
            }
        }
    }

    int softmax(float[] scores, float[] probabilities) {
        int c = labelCount;
        int best = 0;
        for (int k = 1; k < c; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        float max = scores[best];
        float sum = 0;
        for (int k = 0; k < c; k++) {
            // labels of other scripts (classify) score -inf: their 0 needs no exp (9 of 38 labels for a Latin text)
            float e = scores[k] == Float.NEGATIVE_INFINITY ? 0f : (float) Math.exp((scores[k] - max) * invTemperature);
            probabilities[k] = e;
            sum += e;
        }
        float inv = 1 / sum;
        for (int k = 0; k < c; k++) {
            probabilities[k] *= inv;
        }
        return best;
    }
}
