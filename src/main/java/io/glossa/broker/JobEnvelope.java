package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import java.util.Locale;
import java.util.UUID;

/**
 * The AMQP properties a job message must carry besides its body (docs/messages.md): {@code message_id} equal to the
 * body's id, so logs, the failed queue and RPC replies name the job; and, when a content type is given, JSON.
 * A message that declares another content type was not meant for us; one without a content type is read as JSON,
 * since many AMQP clients do not set it.
 */
final class JobEnvelope {
    private JobEnvelope() {
    }

    /** Checked before the body is parsed. */
    static void checkContentType(AMQP.BasicProperties properties) throws MalformedMessageException {
        String type = properties.getContentType();
        if (type == null || type.isBlank()) {
            return;
        }
        String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw new MalformedMessageException("content type '" + abbreviate(type) + "' is not application/json");
        }
    }

    /** Checked after the body is parsed: the property must name the body's job. */
    static void checkMessageId(AMQP.BasicProperties properties, UUID bodyId) throws MalformedMessageException {
        String messageId = properties.getMessageId();
        if (messageId == null || messageId.isBlank()) {
            throw new MalformedMessageException("the message_id property is missing; it must be the job id " + bodyId);
        }
        if (!messageId.equalsIgnoreCase(bodyId.toString())) {
            throw new MalformedMessageException("message_id '" + abbreviate(messageId) + "' is not the body's id " + bodyId);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
