package io.glossa.features;

import io.glossa.text.NormalizedText;

/** Per-thread reusable buffers of {@link FeatureVectorizer}. Not thread-safe. */
public final class FeatureScratch {
    private final NormalizedText text = new NormalizedText();
    private final FeatureCounts counts = new FeatureCounts();

    public NormalizedText text() {
        return text;
    }

    public FeatureCounts counts() {
        return counts;
    }
}
