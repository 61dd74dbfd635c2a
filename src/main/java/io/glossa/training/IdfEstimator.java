package io.glossa.training;

import io.glossa.features.FeatureCounts;
import io.glossa.features.FeatureParams;
import io.glossa.features.FeatureScratch;
import io.glossa.features.FeatureVectorizer;
import java.util.List;

/** Smoothed inverse document frequency per bucket: {@code ln((1 + N) / (1 + df)) + 1}, as in scikit-learn. */
public final class IdfEstimator {
    private IdfEstimator() {}

    public static float[] estimate(List<String> documents, FeatureParams params) {
        FeatureVectorizer counter = new FeatureVectorizer(params, null);
        FeatureScratch scratch = new FeatureScratch();
        int[] df = new int[params.buckets()];
        for (String doc : documents) {
            counter.countRaw(doc, scratch);
            FeatureCounts counts = scratch.counts();
            for (int i = 0; i < counts.size(); i++) {
                df[counts.keyAt(i)]++;
            }
        }
        float[] idf = new float[df.length];
        double n = documents.size();
        for (int f = 0; f < df.length; f++) {
            idf[f] = (float) (Math.log((1 + n) / (1 + df[f])) + 1);
        }
        return idf;
    }
}
