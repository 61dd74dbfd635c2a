package io.glossa.broker;

/** MDC keys of the worker path: every log line about a job message carries them (fields in the JSON log format). */
public final class LogKeys {
    /** The AMQP message id of the job message being handled. */
    public static final String MESSAGE_ID = "message_id";
    /** The text's id, while a single-job message is handled (multi-job messages name their jobs in the lines). */
    public static final String TEXT_ID = "text_id";

    private LogKeys() {
    }
}
