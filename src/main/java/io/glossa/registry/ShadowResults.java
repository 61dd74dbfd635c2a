package io.glossa.registry;

import io.glossa.pipeline.Result;

/** Where shadow answers go: a table of their own that nothing client-facing reads. */
public interface ShadowResults {
    /** Idempotent per (text, model version), like results. */
    void store(Result result);
}
