package io.glossa.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * A text waiting for a prediction; its AMQP body is the documented JSON {@code {"id","text"}}.
 *
 * @param rescore  null for a client's text; set for a re-verify job (body field {@code "reverify"})
 * @param question the client's candidate languages and top-k ({@link Question#DEFAULT} when it asked for neither)
 * @param owner    the id of the API key that submitted the text, or null for nobody (body field
 *                 {@code "owner_key_id"}); carried to the result event so an event stream can show each key its own
 *                 results only
 * @param trace    the W3C trace context of the request that submitted the text (kept with its outbox row and sent
 *                 with its message, docs/messages.md), or null when none is known (outside producers, re-verify jobs)
 */
public record Job(
        UUID id,
        String text,
        Lane lane,
        Instant submittedAt,
        Rescore rescore,
        Question question,
        Long owner,
        TraceContext trace) {
    public Job {
        question = question == null ? Question.DEFAULT : question;
    }

    public Job(UUID id, String text, Lane lane, Instant submittedAt, Rescore rescore, Question question) {
        this(id, text, lane, submittedAt, rescore, question, null, null);
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
