package io.glossa.model;

import io.glossa.features.BucketRows;
import io.glossa.features.FeatureCounts;
import java.util.Arrays;

/**
 * The scoring kernel of a {@link LanguageModel}: linear scores from the packed int8 weights, restricted to the labels
 * written in the text's scripts ({@link ScriptPlan}), and the calibrated softmax. Immutable; the per-thread buffers
 * are the caller's {@link LanguageModel.Scratch}.
 */
final class ScoringKernel {
    /**
     * The most the quantised feature weights of one text may add up to, rounding included: times a stored weight
     * (unsigned <= 255, signed >= -128) it stays under 2^32 for the scalar kernel's lanes and within an int for the
     * vector kernel's. Short texts never come near it; without it, a long text of many equally weighted features
     * overflowed (test aLongTextOfManyEqualFeaturesDoesNotOverflowTheScores).
     */
    private static final double SUM_BUDGET = 16_000_000;

    private final int stride;
    private final float[] bias;
    private final int labelCount;
    private final float invTemperature;
    private final ScriptPlan plan;
    /** The inner loop: quantised feature weights times the int8 weights of their rows (see BucketRows). */
    private final LabelSums sums;

    ScoringKernel(BucketRows packed, float[] bias, double temperature, ScriptPlan plan) {
        this.stride = packed.stride();
        this.sums = LabelSums.best(packed.bytes(), stride, bias.length);
        this.bias = bias;
        this.labelCount = bias.length;
        this.invTemperature = (float) (1 / temperature);
        this.plan = plan;
    }

    /**
     * The linear scores of the vector {@code features} / {@code norm} (feature values already carry the row scales,
     * see FeatureVectorizer#vectorizeUnnormalized; dividing the sums by the norm, not each feature, saves a pass).
     * This is the hot loop (most of classify), in integers: each feature's weight x is quantised to at most 16
     * unsigned bits relative to the text's largest one, and {@link LabelSums} adds up x times the stored int8
     * weights exactly. Relative error of a score is below 2^-15 of the largest feature weight (of the sum of all of
     * them, for texts of thousands of characters). Speed: BENCHMARKS.md, "Classification speed".
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
            Arrays.fill(scratch.sums, 0);
            unpack(scratch.sums, 0, scores, mask, excluded);
            return;
        }
        // 16 bits for the largest weight; fewer when the text is so long that a sum could overflow. Rounding adds at
        // most 1/2 a feature, and m <= 2^22 buckets, far below the budget.
        float inv = (float) Math.min(32767 / max, (SUM_BUDGET - m) / sum);
        int[] xq = scratch.xq;
        long xSum = 0;
        for (int i = 0; i < m; i++) {
            xq[i] = Math.round(xs[i] * inv);
            xSum += xq[i];
        }
        sums.accumulate(rows, xq, m, xSum, plan.firstWord(mask), plan.endWord(mask), scratch.sums);
        unpack(scratch.sums, 1 / (inv * norm), scores, mask, excluded);
    }

    /** Labels not written in the text's scripts get {@code excluded}, or with NaN 30 below the lowest allowed score. */
    private void unpack(int[] sums, float unit, float[] scores, int mask, float excluded) {
        float min = Float.POSITIVE_INFINITY;
        for (int k = 0; k < labelCount; k++) {
            if (!plan.allows(k, mask)) {
                continue;
            }
            scores[k] = bias[k] + sums[plan.slot(k)] * unit;
            min = Math.min(min, scores[k]);
        }
        float floor = Float.isNaN(excluded) ? min - 30 : excluded;
        for (int k = 0; k < labelCount; k++) {
            if (!plan.allows(k, mask)) {
                scores[k] = floor;
            }
        }
    }

    /** How many entries {@link LanguageModel.Scratch}'s sums need. */
    int sumsLength() {
        return sums.sumsLength(labelCount);
    }

    /** Which inner loop scores: {@link LabelSums#description()}. */
    String description() {
        return sums.description();
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
