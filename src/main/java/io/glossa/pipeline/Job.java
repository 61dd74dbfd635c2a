package io.glossa.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A text waiting for a prediction; its AMQP body is the documented JSON {@code {"id","text"}}.
 *
 * @param rescore  null for a client's text; set for a re-verify job (body field {@code "reverify"})
 * @param question the client's candidate languages and top-k ({@link Question#DEFAULT} when it asked for neither)
 */
public record Job(UUID id, String text, Lane lane, Instant submittedAt, Rescore rescore, Question question) {
    public Job {
        question = question == null ? Question.DEFAULT : question;
    }

    public Job(UUID id, String text, Lane lane, Instant submittedAt, Rescore rescore) {
        this(id, text, lane, submittedAt, rescore, Question.DEFAULT);
    }

    public Job(UUID id, String text, Lane lane, Instant submittedAt) {
        this(id, text, lane, submittedAt, null, Question.DEFAULT);
    }

    /** Re-verify answers go to their run only: no result event, no client-visible result, no failed text. */
    public boolean isRescore() {
        return rescore != null;
    }
}
