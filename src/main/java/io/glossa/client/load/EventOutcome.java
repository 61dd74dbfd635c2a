package io.glossa.client.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A result event's {@code id} and whether its {@code status} is {@code done}, read with a streaming parser that
 * stops as soon as it has both: the API writes them first, so the rest of the event (candidates, names, times) is
 * never parsed.
 */
record EventOutcome(String id, boolean done) {
    private static final JsonFactory JSON = new JsonFactory();

    /** Null if the data is not a JSON object with a string {@code id}. */
    static EventOutcome read(String data) {
        try (JsonParser parser = JSON.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String id = null;
            String status = null;
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("id") && value == JsonToken.VALUE_STRING) {
                    id = parser.getText();
                } else if (field.equals("status") && value == JsonToken.VALUE_STRING) {
                    status = parser.getText();
                } else {
                    parser.skipChildren();
                }
                if (id != null && status != null) {
                    break;
                }
            }
            return id == null ? null : new EventOutcome(id, "done".equals(status));
        } catch (IOException e) {
            return null;
        }
    }
}
