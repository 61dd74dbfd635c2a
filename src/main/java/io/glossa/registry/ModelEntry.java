package io.glossa.registry;

import java.time.Instant;

/**
 * A model version kept in the registry, without its bytes.
 *
 * @param devScore macro accuracy on the model's dev split, from its header; null when it kept no dev split
 */
public record ModelEntry(String version, String sha256, long sizeBytes, Double devScore, String note, Instant addedAt) {}
