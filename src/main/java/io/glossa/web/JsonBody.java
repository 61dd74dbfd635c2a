package io.glossa.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON request body defensively, in this order: content type, declared size, then one streaming pass that
 * checks size, arrival rate and UTF-8 ({@link BodyInput}) while it parses. Only the fields of the route's
 * {@link BodyShape} are kept; no tree of the whole body is ever built, so what a request holds in memory is its
 * texts, not a multiple of its body (a 16 MB body of 1.5 million ignored fields once took 230 MB of heap).
 * Each failure is a problem a client can act on.
 */
final class JsonBody {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE) // the servlet container owns the request stream
            // deep nesting costs stack; no valid request nests more than two levels
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(32).build())
            .build();

    private JsonBody() {}

    /** @param maxBytes the largest body accepted for this route */
    static BodyFields read(Context ctx, long maxBytes, BodyShape shape) {
        requireJsonContentType(ctx.header("Content-Type"));
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw new ProblemException(
                    413,
                    "body-too-large",
                    "Payload Too Large",
                    "the request body is " + declared + " bytes; this endpoint accepts at most " + maxBytes + " bytes");
        }
        BodyInput input = null;
        try {
            input = new BodyInput(ctx.req().getInputStream(), maxBytes, System.nanoTime());
            return parse(input, shape);
        } catch (ProblemException e) {
            if (e.problem().status() == 400 && input != null) {
                input.discardRest(); // so the 400 reaches the client (too large or too slow: not worth reading)
            }
            throw e;
        } catch (org.eclipse.jetty.http.HttpException.RuntimeException e) {
            // Jetty's verdict on the body itself (a malformed chunk, a broken framing); its parser throws the base
            // type as well as BadMessageException
            throw new ProblemException(
                    e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400,
                    "unreadable-body",
                    "Unreadable Body",
                    "the request body could not be read: " + e.getReason());
        } catch (IOException e) {
            boolean timedOut = e.getCause() instanceof java.util.concurrent.TimeoutException;
            throw new ProblemException(
                    timedOut ? 408 : 400,
                    "unreadable-body",
                    "Unreadable Body",
                    timedOut
                            ? "the request body stopped arriving; send it without pauses"
                            : "the request body could not be read completely");
        }
    }

    /**
     * Parses a body (already limited and checked by a {@link BodyInput}) into the fields of {@code shape}.
     *
     * @throws ProblemException 400 (or 413 for too many array items) saying what is wrong
     * @throws IOException      if the body could not be read
     */
    static BodyFields parse(InputStream body, BodyShape shape) throws IOException {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw invalid("the request body is empty; send a JSON object");
            }
            if (first != JsonToken.START_OBJECT) {
                throw invalid("the request body must be a JSON object");
            }
            BodyFields fields = fields(parser, shape);
            if (parser.nextToken() != null) {
                throw invalid("the request body has data after its JSON object");
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw invalid("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static BodyFields fields(JsonParser parser, BodyShape shape) throws IOException {
        Map<String, String> strings = new HashMap<>(4);
        List<String> array = null;
        List<String> ignored = List.of();
        Map<String, List<String>> lists = new HashMap<>(2);
        Map<String, Long> integers = new HashMap<>(2);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (shape.lists().contains(name)) {
                if (value != JsonToken.VALUE_NULL) {
                    lists.put(
                            name,
                            strings(
                                    name,
                                    value,
                                    parser,
                                    BodyShape.MAX_LIST_ITEMS,
                                    () -> invalid(
                                            "'" + name + "' has more than " + BodyShape.MAX_LIST_ITEMS + " items")));
                }
            } else if (shape.integers().contains(name)) {
                if (value != JsonToken.VALUE_NULL) {
                    if (value != JsonToken.VALUE_NUMBER_INT
                            || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw wrongType(name, "an integer", value);
                    }
                    integers.put(name, parser.getLongValue());
                }
            } else if (shape.strings().contains(name)) {
                if (value != JsonToken.VALUE_NULL) {
                    strings.put(name, string(name, value, parser));
                }
            } else if (name.equals(shape.array())) {
                array = value == JsonToken.VALUE_NULL
                        ? null
                        : strings(name, value, parser, shape.maxArrayItems(), shape.tooManyItems());
            } else {
                ignored = ignored.isEmpty() ? new ArrayList<>(4) : ignored;
                ignored.add(name);
                if (ignored.size() > BodyShape.MAX_UNKNOWN_FIELDS) {
                    throw new ProblemException(
                            400,
                            "unknown-fields",
                            "Unknown Fields",
                            "the request body has more "
                                    + "than " + BodyShape.MAX_UNKNOWN_FIELDS + " fields this endpoint does not know: "
                                    + BodyFields.Names.quoted(ignored) + "; send only " + known(shape));
                }
                parser.skipChildren();
            }
        }
        return new BodyFields(strings, array, ignored, lists, integers);
    }

    private static String string(String name, JsonToken value, JsonParser parser) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw wrongType(name, "a string", value);
        }
        return parser.getText();
    }

    private static List<String> strings(
            String name,
            JsonToken value,
            JsonParser parser,
            int maxItems,
            java.util.function.Supplier<ProblemException> tooMany)
            throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw wrongType(name, "an array of strings", value);
        }
        List<String> items = new ArrayList<>();
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (item != JsonToken.VALUE_STRING) {
                throw wrongType(name + "[" + items.size() + "]", "a string", item);
            }
            if (items.size() == maxItems) {
                throw tooMany.get();
            }
            items.add(parser.getText());
        }
        return items;
    }

    private static String known(BodyShape shape) {
        List<String> names = new ArrayList<>(shape.strings());
        if (shape.array() != null) {
            names.add(shape.array());
        }
        names.addAll(shape.lists());
        names.addAll(shape.integers());
        names.sort(null);
        return BodyFields.Names.quoted(names);
    }

    static ProblemException wrongType(String field, String expected, JsonToken actual) {
        return new ProblemException(
                400,
                "wrong-type",
                "Wrong Field Type",
                "'" + field + "' must be " + expected + ", not " + typeName(actual));
    }

    private static String typeName(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case START_OBJECT -> "object";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT);
        };
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(400, "invalid-json", "Invalid JSON", detail);
    }

    static void requireJsonContentType(String header) {
        if (header == null || header.isBlank()) {
            throw unsupported("no Content-Type was sent; send Content-Type: application/json");
        }
        String[] parts = header.split(";", -1); // -1: ";" alone is an empty media type, not an empty array
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

    private static ProblemException unsupported(String detail) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported Media Type", detail);
    }
}
