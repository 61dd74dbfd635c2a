package io.glossa.pipeline;

import java.util.UUID;

/**
 * Marks a job as part of a re-verify run: score the stored text again with {@code modelVersion} from the registry
 * and keep the answer with the run, never as the text's client-visible result.
 */
public record Rescore(UUID run, String modelVersion) {}
