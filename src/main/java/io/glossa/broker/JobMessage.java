package io.glossa.broker;

import io.glossa.pipeline.Question;
import io.glossa.pipeline.Rescore;
import io.glossa.pipeline.TraceContext;
import java.time.Instant;
import java.util.UUID;

/**
 * One job as a message body gives it: the talk's {@code {"id","text"}}, plus {@code "reverify"} on re-verify jobs.
 *
 * @param rescore     null unless the body carries {@code "reverify":{"run","model_version"}}
 * @param question    the body's optional {@code "languages"} and {@code "top"}
 * @param submittedAt only in a multi-job body ({@code "submitted_at"}); a single job's is an AMQP header
 * @param trace       only in a multi-job body ({@code "traceparent"}, null when absent or invalid); a single job's
 *                    is the AMQP header {@code traceparent}
 * @param owner       the API key id the text belongs to ({@code "owner_key_id"}); null when absent: an outside
 *                    producer's job is owned by nobody, so only admin keys see its result
 */
record JobMessage(
        UUID id, String text, Rescore rescore, Instant submittedAt, Question question, TraceContext trace, Long owner) {
    public JobMessage {
        question = question == null ? Question.DEFAULT : question;
    }

    public JobMessage(UUID id, String text, Rescore rescore, Instant submittedAt, Question question) {
        this(id, text, rescore, submittedAt, question, null, null);
    }

    public JobMessage(UUID id, String text, Rescore rescore, Instant submittedAt) {
        this(id, text, rescore, submittedAt, Question.DEFAULT);
    }

    public JobMessage(UUID id, String text, Rescore rescore) {
        this(id, text, rescore, null);
    }

    public JobMessage(UUID id, String text) {
        this(id, text, null);
    }
}
