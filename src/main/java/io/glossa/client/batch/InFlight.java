package io.glossa.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of a queue batch between their submission and their result: matches results (from the event stream or
 * read by id) to the chunk slots they belong to, whichever of the result and the submission's answer comes first.
 */
final class InFlight {
    private final Object lock = new Object();
    /** Submitted texts without a result: id → where the result goes. Guarded by {@code lock}. */
    private final Map<String, Slot> waiting = new HashMap<>();
    /** Results whose id is not (yet) waiting: a result can arrive before its submission's answer. */
    private final Map<String, JsonNode> recent;

    private int count;
    private long results;

    InFlight(int window) {
        int remembered = Math.max(10_000, 2 * window);
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
                return size() > remembered; // other clients' results pass through here too
            }
        };
    }

    /** The texts at {@code at} of {@code chunk} were accepted as {@code ids}. */
    void register(PendingChunk chunk, List<Integer> at, List<String> ids) {
        synchronized (lock) {
            count += ids.size();
            for (int k = 0; k < ids.size(); k++) {
                Slot slot = new Slot(chunk, at.get(k), ids.get(k));
                chunk.ids[slot.index] = slot.id;
                JsonNode early = recent.remove(slot.id);
                if (early != null) {
                    fill(slot, early);
                } else {
                    waiting.put(slot.id, slot);
                    chunk.remaining++;
                }
            }
        }
    }

    /** A text's record or result event; pending ones and events without an id are ignored. */
    void onResult(JsonNode event) {
        if (!event.hasNonNull("id") || "pending".equals(event.path("status").asText())) {
            return;
        }
        String id = event.get("id").asText();
        synchronized (lock) {
            Slot slot = waiting.remove(id);
            if (slot != null) {
                slot.chunk().remaining--;
                fill(slot, event);
            } else {
                recent.put(id, event);
            }
        }
    }

    /** Caller holds {@code lock}. */
    private void fill(Slot slot, JsonNode event) {
        slot.chunk().results[slot.index()] = event;
        count--;
        results++;
        lock.notifyAll();
    }

    /**
     * Waits up to {@code millis} for a result.
     * @return -1 if {@code chunk} is complete, else the number of results seen so far (to tell progress)
     */
    @SuppressWarnings("WaitNotInLoop") // the caller loops: an early wake-up only returns the same count again
    long await(PendingChunk chunk, long millis) throws InterruptedException {
        synchronized (lock) {
            if (chunk.remaining == 0) {
                return -1;
            }
            lock.wait(millis);
            return chunk.remaining == 0 ? -1 : results;
        }
    }

    /** The ids of {@code chunk} submitted but without a result. */
    List<String> missing(PendingChunk chunk) {
        List<String> missing = new ArrayList<>();
        synchronized (lock) {
            for (int i = 0; i < chunk.ids.length; i++) {
                if (chunk.ids[i] != null && chunk.results[i] == null) {
                    missing.add(chunk.ids[i]);
                }
            }
        }
        return missing;
    }

    boolean complete(PendingChunk chunk) {
        synchronized (lock) {
            return chunk.remaining == 0;
        }
    }

    int count() {
        synchronized (lock) {
            return count;
        }
    }

    private record Slot(PendingChunk chunk, int index, String id) {}
}
