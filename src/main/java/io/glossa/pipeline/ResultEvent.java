package io.glossa.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * Published on the topic results exchange with routing key {@code <status>.<language>} after a job ends.
 * {@code result} is null for failed jobs; {@code submittedAt} may be null when the job message did not carry it;
 * {@code owner} is the API key id the text belongs to, null for nobody (see {@link Requester}).
 */
public record ResultEvent(UUID id, TextStatus status, Result result, String error, Instant submittedAt, Long owner) {
    public ResultEvent(UUID id, TextStatus status, Result result, String error, Instant submittedAt) {
        this(id, status, result, error, submittedAt, null);
    }

    public ResultEvent(UUID id, TextStatus status, Result result, String error) {
        this(id, status, result, error, null, null);
    }

    /** The language part of the routing key: the predicted language, or {@code unknown} when there is none. */
    public String languageKey() {
        return result == null || result.prediction() == null
                ? io.glossa.model.Prediction.UNKNOWN
                : result.prediction().language();
    }

    /** The routing key on the results exchange, e.g. {@code done.sv}, {@code failed.unknown}. */
    public String routingKey() {
        return status.key() + "." + languageKey();
    }
}
