package io.glossa.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.registry.ModelAnnouncement;
import io.glossa.registry.ModelEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** Model announcement bodies (schema: docs/schemas/model-announcement.schema.json). */
public final class ModelAnnouncementCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelAnnouncementCodec() {}

    public static byte[] encode(ModelAnnouncement announcement) {
        ObjectNode node = JSON.createObjectNode();
        node.put("event", announcement.event().key());
        node.put("version", announcement.version());
        node.put("at", announcement.at().toString());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a model announcement", e);
        }
    }

    /** Empty for a body that is not an announcement: it is logged and ignored, never fatal to a worker. */
    public static Optional<ModelAnnouncement> decode(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode version = node.path("version");
            return Optional.of(new ModelAnnouncement(
                    ModelEvent.Action.fromKey(node.path("event").asText()),
                    version.isTextual() ? version.textValue() : null,
                    Instant.parse(node.path("at").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
