package io.glossa.features;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.testing.NastyText;
import io.glossa.testing.Property;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** For any text and any valid parameters: an L2-normalised vector over in-range buckets, or nothing. */
class FeatureVectorizerPropertiesTest {

    record Case(FeatureParams params, float[] idf, String text) {
        @Override
        public String toString() {
            return params + " idf=" + (idf == null ? "none" : idf.length) + " text=" + Property.describe(text);
        }
    }

    private static Case generate(Random random) {
        int bits = FeatureParams.MIN_BITS + random.nextInt(5);
        int minN = 1 + random.nextInt(FeatureParams.MAX_ORDER);
        int maxN = minN + random.nextInt(FeatureParams.MAX_ORDER - minN + 1);
        FeatureParams params = new FeatureParams(bits, minN, maxN, random.nextBoolean());
        float[] idf = null;
        if (random.nextBoolean()) {
            idf = new float[params.buckets()];
            for (int i = 0; i < idf.length; i++) {
                idf[i] = 0.01f + 10 * random.nextFloat();
            }
        }
        return new Case(params, idf, NastyText.any(random));
    }

    @Test
    void outputIsUnitLengthOrEmptyWithBucketsInRange() {
        Property.forAll(1_000, FeatureVectorizerPropertiesTest::generate, c -> {
            FeatureScratch scratch = new FeatureScratch();
            int letters = new FeatureVectorizer(c.params(), c.idf()).vectorize(c.text(), scratch);
            FeatureCounts counts = scratch.counts();

            assertThat(letters).isGreaterThanOrEqualTo(0);
            if (letters == 0) {
                assertThat(counts.size()).isZero();
            }
            if (counts.size() == 0) {
                return; // no letters, or words all shorter than the smallest n-gram order
            }
            double sumSquares = 0;
            for (int i = 0; i < counts.size(); i++) {
                assertThat(counts.keyAt(i)).isBetween(0, c.params().buckets() - 1);
                float w = counts.valueAt(i);
                assertThat(Float.isFinite(w) && w > 0).as("weight %s", w).isTrue();
                sumSquares += (double) w * w;
            }
            assertThat(sumSquares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        });
    }
}
