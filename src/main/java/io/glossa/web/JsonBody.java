package io.glossa.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a JSON request body defensively, in this order: content type, declared size, actual size, UTF-8, JSON.
 * Each step fails with a problem a client can act on.
 */
final class JsonBody {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        // deep nesting costs stack; no valid request nests more than a few levels
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    /** Slowest body accepted once {@link #SLOW_BODY_GRACE_NANOS} have passed since the handler began reading it. */
    static final long MIN_BYTES_PER_SECOND = 1024;
    static final long SLOW_BODY_GRACE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private static final int CHUNKED_START_BYTES = 8192;
    private static final int DECLARED_START_BYTES = 64 * 1024;

    private JsonBody() {
    }

    /** @param maxBytes the largest body accepted for this route */
    static JsonNode read(Context ctx, long maxBytes) {
        requireJsonContentType(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared, maxBytes);
        }
        return parse(readAtMost(ctx, maxBytes), maxBytes);
    }

    /**
     * At most {@code maxBytes + 1} bytes of the body: a chunked body declares no length, and Javalin's own limit
     * only checks Content-Length, so reading it whole would buffer whatever a client sends (50 MB and more).
     */
    private static byte[] readAtMost(Context ctx, long maxBytes) {
        try {
            return readAtMost(ctx.req().getInputStream(), maxBytes + 1, ctx.req().getContentLengthLong(), System.nanoTime());
        } catch (org.eclipse.jetty.http.BadMessageException e) {
            // Jetty's verdict on the body itself (a malformed chunk, a broken framing)
            throw new ProblemException(e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400, "unreadable-body",
                    "Unreadable Body", "the request body could not be read: " + e.getReason());
        } catch (java.io.IOException e) {
            boolean timedOut = e.getCause() instanceof java.util.concurrent.TimeoutException;
            throw new ProblemException(timedOut ? 408 : 400, "unreadable-body", "Unreadable Body",
                    timedOut ? "the request body stopped arriving; send it without pauses"
                            : "the request body could not be read completely");
        }
    }

    /**
     * Reads up to {@code limit} bytes; after a grace period the body must keep arriving at
     * {@link #MIN_BYTES_PER_SECOND}: reading blocks a server thread, so clients trickling a byte a second could
     * otherwise hold every thread. The clock starts when the handler starts reading, so a body that already
     * arrived whole never counts as slow (Jetty's own minimum data rate counts from the first byte received and
     * refused small bodies on a loaded server).
     *
     * @param declared the Content-Length, or -1 for a chunked body: a declared body up to 64 KiB is read into an
     *                 array of its size (the server ends the body there), so a small request costs no 8 KiB buffers
     */
    static byte[] readAtMost(java.io.InputStream in, long limit, long declared, long startNanos)
            throws java.io.IOException {
        byte[] body = new byte[startCapacity(limit, declared)];
        int total = 0;
        while (total < limit && !(total == declared && total == body.length)) {
            if (total == body.length) {
                body = Arrays.copyOf(body, (int) Math.min(limit, Math.max(CHUNKED_START_BYTES, 2L * body.length)));
            }
            int n = in.read(body, total, body.length - total);
            if (n < 0) {
                break;
            }
            total += n;
            long elapsed = System.nanoTime() - startNanos;
            if (elapsed > SLOW_BODY_GRACE_NANOS && total * 1_000_000_000.0 / elapsed < MIN_BYTES_PER_SECOND) {
                throw new ProblemException(408, "slow-body", "Request Timeout", "the request body arrived at less than "
                        + MIN_BYTES_PER_SECOND + " bytes/s; send it at once");
            }
        }
        return total == body.length ? body : Arrays.copyOf(body, total);
    }

    /** What a client declares is not trusted for more than {@link #DECLARED_START_BYTES} before the bytes arrive. */
    private static int startCapacity(long limit, long declared) {
        long expected = declared >= 0 ? Math.min(declared, DECLARED_START_BYTES) : CHUNKED_START_BYTES;
        return (int) Math.min(limit, expected);
    }

    /** The body bytes to a JSON object, or a {@link ProblemException} (400 or 413) saying what is wrong. */
    static JsonNode parse(byte[] body, long maxBytes) {
        if (body.length > maxBytes) {
            throw new ProblemException(413, "body-too-large", "Payload Too Large",
                    "the request body is over " + maxBytes + " bytes; this endpoint accepts at most " + maxBytes + " bytes");
        }
        if (body.length == 0) {
            throw new ProblemException(400, "invalid-json", "Invalid JSON", "the request body is empty; send a JSON object");
        }
        String text = decodeUtf8(body);
        try {
            JsonNode node = STRICT.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ProblemException(400, "invalid-json", "Invalid JSON", "the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "invalid-json", "Invalid JSON",
                    "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static void requireJsonContentType(String header) {
        if (header == null || header.isBlank()) {
            throw unsupported("no Content-Type was sent; send Content-Type: application/json");
        }
        String[] parts = header.split(";", -1);   // -1: ";" alone is an empty media type, not an empty array
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            throw unsupported("Content-Type " + mediaType + " is not supported; send application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].trim().split("=", 2);
            if (param.length == 2 && param[0].trim().equalsIgnoreCase("charset")) {
                String charset = param[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    throw unsupported("charset " + charset + " is not supported; send UTF-8");
                }
            }
        }
    }

    private static String decodeUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(400, "invalid-utf8", "Invalid UTF-8", "the request body is not valid UTF-8");
        }
    }

    private static ProblemException tooLarge(long size, long max) {
        return new ProblemException(413, "body-too-large", "Payload Too Large",
                "the request body is " + size + " bytes; this endpoint accepts at most " + max + " bytes");
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported Media Type", detail);
    }
}
