package io.glossa.features;

import io.glossa.text.NormalizedText;
import io.glossa.text.TextNormalizer;

/**
 * Text to an L2-normalised TF-IDF vector over hashed buckets: tf is sublinear (1 + ln count), so a letter
 * repeated in a long text does not dominate; idf comes from the training documents. With a null idf (during
 * training, before idf is known) the weights are tf only.
 *
 * <p>Immutable; all mutable state lives in the caller's {@link FeatureScratch}.
 */
public final class FeatureVectorizer {
    private static final float[] LOG_TF = new float[256];

    static {
        for (int i = 1; i < LOG_TF.length; i++) {
            LOG_TF[i] = (float) (1 + Math.log(i));
        }
    }

    private final NgramHasher hasher;
    private final float[] idf;
    /** idf and output scale of each bucket inside its model row: both come from the line scoring reads next. */
    private final BucketRows rows;

    /** With a null idf (while training, before idf is known) the weights are tf only. */
    public FeatureVectorizer(FeatureParams params, float[] idf) {
        this(params, idf, null);
        if (idf != null && idf.length != params.buckets()) {
            throw new IllegalArgumentException("idf has " + idf.length + " entries, expected " + params.buckets());
        }
    }

    private FeatureVectorizer(FeatureParams params, float[] idf, BucketRows rows) {
        this.hasher = new NgramHasher(params);
        this.idf = idf;
        this.rows = rows;
    }

    /**
     * Weights from packed bucket rows: every weight of the normalised vector is also multiplied by its bucket's
     * output scale (the model's per-row quantisation scale), so the scorer needs no second lookup per feature.
     */
    public static FeatureVectorizer overRows(FeatureParams params, BucketRows rows) {
        if (rows.buckets() != params.buckets()) {
            throw new IllegalArgumentException(
                    "the rows hold " + rows.buckets() + " buckets, expected " + params.buckets());
        }
        return new FeatureVectorizer(params, null, rows);
    }

    public FeatureParams params() {
        return hasher.params();
    }

    /**
     * Normalises {@code text} and leaves the weighted, L2-normalised vector in {@code scratch.counts()} (bucket index
     * to weight). Returns the number of letters; 0 means no features. Not for a vectorizer over packed rows: its
     * scorer takes {@link #vectorizeUnnormalized}.
     */
    public int vectorize(CharSequence text, FeatureScratch scratch) {
        if (rows != null) {
            throw new IllegalStateException("a vectorizer over packed rows leaves the norm to its scorer: "
                    + "call normalize, then vectorizeUnnormalized");
        }
        NormalizedText normalized = scratch.text();
        TextNormalizer.normalize(text, normalized);
        FeatureCounts counts = scratch.counts();
        counts.clear();
        if (normalized.isEmpty()) {
            return 0;
        }
        hasher.count(normalized, counts);
        weigh(counts);
        return normalized.letters();
    }

    /** The first half of {@link #vectorize}: normalises {@code text} into {@code scratch.text()}. */
    public NormalizedText normalize(CharSequence text, FeatureScratch scratch) {
        NormalizedText normalized = scratch.text();
        TextNormalizer.normalize(text, normalized);
        scratch.counts().clear();
        return normalized;
    }

    /**
     * The second half of classifying with packed rows ({@link #overRows}), after {@link #normalize}: leaves each
     * feature's tf x idf x output scale in {@code scratch.counts()} and returns the L2 norm of the tf x idf vector
     * (0 when there are no features). The caller divides by it: once per label score instead of once per feature.
     */
    public float vectorizeUnnormalized(FeatureScratch scratch) {
        if (rows == null) {
            throw new IllegalStateException("only a vectorizer over packed rows leaves the norm to its caller");
        }
        NormalizedText normalized = scratch.text();
        FeatureCounts counts = scratch.counts();
        counts.clear();
        if (normalized.isEmpty()) {
            return 0;
        }
        hasher.count(normalized, counts);
        int n = counts.size();
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            int bucket = counts.keyAt(i);
            float w = logTf(counts.valueAt(i)) * rows.idf(bucket);
            sumSquares += (double) w * w;
            counts.setValueAt(i, w * rows.scale(bucket));
        }
        return (float) Math.sqrt(sumSquares);
    }

    /** Raw counts only (used to compute document frequencies). */
    public int countRaw(CharSequence text, FeatureScratch scratch) {
        NormalizedText normalized = scratch.text();
        TextNormalizer.normalize(text, normalized);
        FeatureCounts counts = scratch.counts();
        counts.clear();
        if (!normalized.isEmpty()) {
            hasher.count(normalized, counts);
        }
        return normalized.letters();
    }

    /** tf x idf (tf alone without idf), L2-normalised. */
    private void weigh(FeatureCounts counts) {
        int n = counts.size();
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            float w = logTf(counts.valueAt(i));
            if (idf != null) {
                w *= idf[counts.keyAt(i)];
            }
            counts.setValueAt(i, w);
            sumSquares += (double) w * w;
        }
        if (sumSquares > 0) {
            float inv = (float) (1 / Math.sqrt(sumSquares));
            for (int i = 0; i < n; i++) {
                counts.setValueAt(i, counts.valueAt(i) * inv);
            }
        }
    }

    private static float logTf(float tf) {
        return tf < LOG_TF.length ? LOG_TF[(int) tf] : (float) (1 + Math.log(tf));
    }
}
