package io.glossa.broker;

import io.glossa.pipeline.Question;
import io.glossa.pipeline.Rescore;
import java.time.Instant;
import java.util.UUID;

/**
 * One job as a message body gives it: the talk's {@code {"id","text"}}, plus {@code "reverify"} on re-verify jobs.
 *
 * @param rescore     null unless the body carries {@code "reverify":{"run","model_version"}}
 * @param question    the body's optional {@code "languages"} and {@code "top"}
 * @param submittedAt only in a multi-job body ({@code "submitted_at"}); a single job's is an AMQP header
 */
public record JobMessage(UUID id, String text, Rescore rescore, Instant submittedAt, Question question) {
    public JobMessage {
        question = question == null ? Question.DEFAULT : question;
    }

    public JobMessage(UUID id, String text, Rescore rescore, Instant submittedAt) {
        this(id, text, rescore, submittedAt, Question.DEFAULT);
    }

    public JobMessage(UUID id, String text, Rescore rescore) {
        this(id, text, rescore, null);
    }

    public JobMessage(UUID id, String text) {
        this(id, text, null, null);
    }
}
