package io.glossa.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureVectorizerTest {
    @Test
    void vectorsAreL2NormalisedTfIdf() {
        FeatureParams p = new FeatureParams(12, 1, 3, true);
        float[] idf = new float[p.buckets()];
        Arrays.fill(idf, 2f);
        FeatureVectorizer v = new FeatureVectorizer(p, idf);
        FeatureScratch s = new FeatureScratch();
        assertThat(v.vectorize("hello hello world", s)).isEqualTo(15);
        double sum = 0;
        for (int i = 0; i < s.counts().size(); i++) {
            sum += s.counts().valueAt(i) * s.counts().valueAt(i);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void overPackedRowsTheValuesCarryTheScaleAndTheNormIsLeftToTheCaller() {
        FeatureParams p = new FeatureParams(12, 1, 3, true);
        float[] idf = new float[p.buckets()];
        float[] scale = new float[p.buckets()];
        for (int b = 0; b < p.buckets(); b++) {
            idf[b] = 1 + b % 5;
            scale[b] = 0.5f + b % 3;
        }
        FeatureScratch plain = new FeatureScratch();
        new FeatureVectorizer(p, idf).vectorize("hello hello world", plain);
        FeatureVectorizer packed = FeatureVectorizer.overRows(p, BucketRows.pack(idf, scale, new byte[p.buckets()], 1));
        FeatureScratch s = new FeatureScratch();
        packed.normalize("hello hello world", s);
        float norm = packed.vectorizeUnnormalized(s);

        assertThat(s.counts().size()).isEqualTo(plain.counts().size());
        for (int i = 0; i < s.counts().size(); i++) {
            int bucket = s.counts().keyAt(i);
            assertThat(bucket).isEqualTo(plain.counts().keyAt(i));
            assertThat(s.counts().valueAt(i) / norm)
                    .isCloseTo(plain.counts().valueAt(i) * scale[bucket], within(1e-6f));
        }
        assertThatThrownBy(() -> packed.vectorize("hello", new FeatureScratch()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vectorizeUnnormalized");
    }

    @Test
    void letterlessTextHasNoFeatures() {
        FeatureVectorizer v = new FeatureVectorizer(new FeatureParams(12, 1, 3, true), null);
        FeatureScratch s = new FeatureScratch();
        assertThat(v.vectorize("123 !!", s)).isZero();
        assertThat(s.counts().size()).isZero();
    }

    @Test
    void countsMapGrowsAndClears() {
        FeatureCounts c = new FeatureCounts(16);
        for (int k = 0; k < 5000; k++) {
            c.add(k * 7, 1f);
            c.add(k * 7, 1f);
        }
        assertThat(c.size()).isEqualTo(5000);
        assertThat(c.valueAt(4999)).isEqualTo(2f);
        assertThat(c.keyAt(4999)).isEqualTo(4999 * 7);
        c.clear();
        assertThat(c.size()).isZero();
        c.add(3, 1f);
        assertThat(c.keyAt(0)).isEqualTo(3);
        assertThat(c.valueAt(0)).isEqualTo(1f);
    }

    @Test
    void countsMapRejectsANegativeKey() {
        FeatureCounts c = new FeatureCounts(16);
        assertThatThrownBy(() -> c.add(-1, 1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never negative");
        assertThat(c.size()).isZero();
    }
}
