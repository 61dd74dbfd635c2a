package io.glossa.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Submitted lines and their answers; arrays are indexed like {@code lines}. {@code remaining} and the arrays are
 * guarded by the lock of the {@link InFlight} that holds the chunk.
 */
final class PendingChunk {
    final List<InputLine> lines;
    final String[] ids;
    final JsonNode[] results;
    final String[] errors;
    int remaining;

    PendingChunk(List<InputLine> lines) {
        this.lines = lines;
        this.ids = new String[lines.size()];
        this.results = new JsonNode[lines.size()];
        this.errors = new String[lines.size()];
    }
}
