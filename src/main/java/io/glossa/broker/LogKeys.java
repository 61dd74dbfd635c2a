package io.glossa.broker;

/** MDC keys of the worker path: every log line about a job message carries them (fields in the JSON log format). */
final class LogKeys {
    /** The AMQP message id of the job message being handled. */
    public static final String MESSAGE_ID = "message_id";
    /** The text's id, while a single-job message is handled (multi-job messages name their jobs in the lines). */
    public static final String TEXT_ID = "text_id";

    /** The trace id (32 hex digits) of the request that submitted the job(s) of the message, when it had one. */
    public static final String TRACE_ID = "trace_id";
    /** The worker's own span id (16 hex digits) for handling the message: new for each delivery. */
    public static final String SPAN_ID = "span_id";
    /** The span that sent the job: the API's span for the submitting request (its {@code traceparent} parent id). */
    public static final String PARENT_SPAN_ID = "parent_span_id";

    private LogKeys() {}
}
