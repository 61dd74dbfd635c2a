package io.glossa.broker;

import com.rabbitmq.client.AMQP;
import java.util.Locale;
import java.util.UUID;

/**
 * What a job message's AMQP properties may say besides its body (docs/messages.md). The body alone is a valid job
 * (the talk's {@code {id, text}}, from any client), so both properties are optional; but a {@code message_id} that
 * names another job, or a content type other than JSON, means the message was not meant for us or is corrupt.
 */
final class JobEnvelope {
    private JobEnvelope() {}

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

    /** Checked after the body is parsed: a message_id, if set, must name the body's job. */
    static void checkMessageId(AMQP.BasicProperties properties, UUID bodyId) throws MalformedMessageException {
        String messageId = properties.getMessageId();
        if (messageId == null || messageId.isBlank()) {
            return;
        }
        if (!messageId.equalsIgnoreCase(bodyId.toString())) {
            throw new MalformedMessageException(
                    "message_id '" + abbreviate(messageId) + "' is not the body's id " + bodyId);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
