package io.glossa.pipeline;

/**
 * Attribute names of glossa's spans: OpenTelemetry's semantic conventions where one fits (HTTP, messaging),
 * {@code glossa.*} for the rest.
 */
public final class TraceAttributes {
    public static final String MESSAGING_SYSTEM = "messaging.system";
    public static final String DESTINATION = "messaging.destination.name";
    public static final String ROUTING_KEY = "messaging.rabbitmq.destination.routing_key";
    public static final String OPERATION_TYPE = "messaging.operation.type";
    public static final String MESSAGE_COUNT = "messaging.batch.message_count";
    public static final String TEXT_ID = "glossa.text_id";
    public static final String TEXTS = "glossa.texts";
    public static final String LANE = "glossa.lane";
    public static final String MODEL_VERSION = "glossa.model_version";

    private TraceAttributes() {}
}
