package io.glossa.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.pipeline.ResultEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of one job message in one body (docs/schemas/result-group.schema.json): {@code {"results":[...]}},
 * each element a result event exactly as on the results exchange. It is written from the events' own encoded bodies,
 * so a worker encodes each result once for the event, the RPC reply and the group.
 */
final class ResultGroupCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] OPEN = {'{', '"', 'r', 'e', 's', 'u', 'l', 't', 's', '"', ':', '['};
    private static final byte[] CLOSE = {']', '}'};

    private ResultGroupCodec() {}

    /** @param events result-event bodies, as {@link ResultEventCodec#encode} wrote them */
    static byte[] encode(List<byte[]> events) {
        int size = OPEN.length + CLOSE.length + events.size();
        for (byte[] event : events) {
            size += event.length;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(size);
        body.writeBytes(OPEN);
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            body.writeBytes(events.get(i));
        }
        body.writeBytes(CLOSE);
        return body.toByteArray();
    }

    /** @throws IllegalArgumentException if the body is not a result group, naming the bad element */
    static List<ResultEvent> decode(byte[] body) {
        JsonNode results;
        try {
            results = JSON.readTree(body).get("results");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a result group: " + e.getMessage(), e);
        }
        if (results == null || !results.isArray()) {
            throw new IllegalArgumentException("not a result group: \"results\" must be an array");
        }
        List<ResultEvent> events = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            try {
                events.add(ResultEventCodec.decode(results.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("results[" + i + "]: " + e.getMessage(), e);
            }
        }
        return events;
    }
}
