package io.glossa.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * Failed-queue bodies (docs/schemas/failed-job.schema.json). The original body is kept as text when it is valid UTF-8,
 * else base64; beyond {@link #MAX_ORIGINAL_BYTES} it is cut (a 10 MB poison message must not become a 10 MB
 * failed message), and {@code original_bytes} still tells its real size.
 */
final class FailedMessageCodec {
    public static final int MAX_ORIGINAL_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FailedMessageCodec() {}

    public static byte[] encode(FailedMessage failed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("reason", failed.reason());
        node.put("attempts", failed.attempts());
        node.put("failed_at", failed.failedAt().toString());
        node.put("lane", failed.lane());
        node.put("message_id", failed.messageId());
        byte[] original = failed.original() == null ? new byte[0] : failed.original();
        boolean truncated = original.length > MAX_ORIGINAL_BYTES;
        byte[] kept = truncated ? Arrays.copyOf(original, MAX_ORIGINAL_BYTES) : original;
        String text = utf8(kept, truncated);
        ObjectNode body = node.putObject("original");
        body.put("encoding", text != null ? "utf-8" : "base64");
        body.put("data", text != null ? text : Base64.getEncoder().encodeToString(kept));
        body.put("bytes", failed.originalBytes());
        body.put("truncated", truncated || failed.originalBytes() > original.length);
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a failed-job message", e);
        }
    }

    public static FailedMessage decode(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode original = node.path("original");
            String data = original.path("data").asText("");
            byte[] bytes = "base64".equals(original.path("encoding").asText())
                    ? Base64.getDecoder().decode(data)
                    : data.getBytes(StandardCharsets.UTF_8);
            return new FailedMessage(
                    node.path("reason").asText(),
                    node.path("attempts").asInt(),
                    Instant.parse(node.path("failed_at").asText()),
                    node.path("lane").asText(null),
                    node.path("message_id").isNull()
                            ? null
                            : node.path("message_id").asText(null),
                    bytes,
                    original.path("bytes").asInt());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a failed-job message: " + e.getMessage(), e);
        }
    }

    /** The bytes as text if they are UTF-8; a cut body may end inside a character, which is then dropped. */
    private static String utf8(byte[] bytes, boolean cut) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = bytes.length;
        for (int drop = 0; drop <= (cut ? 3 : 0) && length - drop >= 0; drop++) {
            try {
                return decoder.reset()
                        .decode(ByteBuffer.wrap(bytes, 0, length - drop))
                        .toString();
            } catch (CharacterCodingException e) {
                // try a shorter prefix: the cut may have split a multi-byte character
            }
        }
        return null;
    }
}
