package io.glossa.registry;

import java.time.Instant;

/**
 * A model version kept in the registry, without its bytes.
 *
 * @param devScore macro accuracy on the model's dev split, from its header; null when it kept no dev split
 * @param measuredScore macro accuracy glossa measured on its own check sentences when the model was added
 *        ({@link CheckSentences}); null for models added without that check
 */
public record ModelEntry(
        String version,
        String sha256,
        long sizeBytes,
        Double devScore,
        String note,
        Instant addedAt,
        Double measuredScore) {
    /** An entry whose score on the check sentences was not measured when it was added. */
    public ModelEntry(String version, String sha256, long sizeBytes, Double devScore, String note, Instant addedAt) {
        this(version, sha256, sizeBytes, devScore, note, addedAt, null);
    }
}
