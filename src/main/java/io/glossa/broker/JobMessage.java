package io.glossa.broker;

import io.glossa.pipeline.Rescore;
import java.util.UUID;

/**
 * The body of a job message: the talk's {@code {"id","text"}}, plus {@code "reverify"} on re-verify jobs.
 *
 * @param rescore null unless the body carries {@code "reverify":{"run","model_version"}}
 */
public record JobMessage(UUID id, String text, Rescore rescore) {
    public JobMessage(UUID id, String text) {
        this(id, text, null);
    }
}
