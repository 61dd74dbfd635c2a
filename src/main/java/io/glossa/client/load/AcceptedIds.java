package io.glossa.client.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ids in a {@code 202} answer: {@code "id"} of {@code POST /api/v1/texts}, or the {@code "ids"} array of
 * {@code POST /api/v1/texts:batch}, read with a streaming parser that stops once it has them (no tree per answer).
 */
final class AcceptedIds {
    private static final JsonFactory JSON = new JsonFactory();

    private AcceptedIds() {}

    /** The ids, in order; empty if the answer has none. */
    static List<String> read(byte[] body, int offset, int length, boolean batch) throws IOException {
        List<String> ids = new ArrayList<>(batch ? 16 : 1);
        try (JsonParser parser = JSON.createParser(body, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a 202 answer that is not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!batch && field.equals("id") && value == JsonToken.VALUE_STRING) {
                    ids.add(parser.getText());
                    return ids;
                }
                if (batch && field.equals("ids") && value == JsonToken.START_ARRAY) {
                    for (JsonToken id = parser.nextToken(); id == JsonToken.VALUE_STRING; id = parser.nextToken()) {
                        ids.add(parser.getText());
                    }
                    return ids;
                }
                parser.skipChildren();
            }
        }
        return ids;
    }
}
