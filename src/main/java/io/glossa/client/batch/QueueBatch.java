package io.glossa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.load.ResultFeed;
import io.glossa.load.Pacer;
import io.glossa.load.TextsClient;
import io.glossa.model.Candidate;
import io.glossa.model.Prediction;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code glossa batch --via-queue}: lines go to a running API in chunks ({@code POST /api/v1/texts:batch}, batch
 * lane), results come back on its event stream and are written in input order. At most {@code window} texts are in
 * flight (submitted, not yet written), which bounds this process's memory and the batch queue's depth. Results the
 * event stream did not bring (it raced the submission answer beyond the recent-events memory, or the stream broke)
 * are read by id when the oldest chunk has made no progress for a while.
 */
final class QueueBatch {
    private static final Duration POLL_AFTER = Duration.ofSeconds(2);
    private static final Duration RETRY_FOR = Duration.ofSeconds(60);

    private final TextsClient api;
    private final int window;
    private final Pacer pacer;
    private final Supplier<String> paceNote;
    private final Duration resultTimeout;
    private final Object lock = new Object();
    /** Submitted texts without a result: id → where the result goes. Guarded by {@code lock}. */
    private final Map<String, Slot> waiting = new HashMap<>();
    /** Results whose id is not (yet) waiting: a result can arrive before its submission's answer. */
    private final Map<String, JsonNode> recent;
    private int inFlight;
    private long results;

    /**
     * @param pacer    spaces the submissions (a fixed rate, or one that follows the realtime lane)
     * @param paceNote how the pace stands, for the progress line ("" for nothing)
     */
    QueueBatch(TextsClient api, int window, Pacer pacer, Duration resultTimeout, Supplier<String> paceNote) {
        this.api = api;
        this.window = window;
        this.pacer = pacer;
        this.paceNote = paceNote;
        this.resultTimeout = resultTimeout;
        int remembered = Math.max(10_000, 2 * window);
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
                return size() > remembered; // other clients' results pass through here too
            }
        };
    }

    BatchTally run(LineChunks chunks, OutputStream out, BatchProgress progress) throws IOException, InterruptedException {
        try (ResultFeed feed = new ResultFeed(); PredictionJsonWriter writer = new PredictionJsonWriter(out)) {
            feed.start(api.resolve("/api/v1/events"), (event, arrival) -> onResult(event));
            ArrayDeque<PendingChunk> pending = new ArrayDeque<>();
            BatchTally tally = BatchTally.NONE;
            for (List<InputLine> lines = chunks.next(); lines != null; lines = chunks.next()) {
                pacer.await(lines.size());
                pending.add(submit(lines));
                while (!pending.isEmpty() && (inFlight() > window || complete(pending.peek()))) {
                    awaitHead(pending.peek(), feed);
                    tally = tally.plus(write(pending.remove(), writer));
                    progress.written(tally.lines(), status());
                }
                writer.flush();
            }
            while (!pending.isEmpty()) {
                awaitHead(pending.peek(), feed);
                tally = tally.plus(write(pending.remove(), writer));
                progress.written(tally.lines(), status());
            }
            writer.flush();
            return tally;
        }
    }

    // ---------------------------------------------------------------- submitting

    private String status() {
        String note = paceNote.get();
        return inFlight() + " texts in flight" + (note.isEmpty() ? "" : ", " + note);
    }

    private PendingChunk submit(List<InputLine> lines) throws InterruptedException {
        PendingChunk chunk = new PendingChunk(lines);
        List<String> texts = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBad()) {
                texts.add(lines.get(i).text());
                at.add(i);
            }
        }
        if (texts.isEmpty()) {
            return chunk;
        }
        try {
            register(chunk, at, retrying(() -> api.submitBatch(texts, "batch")));
        } catch (TextsClient.ApiRefusal refusal) {
            // the whole batch was refused for some of its texts (e.g. a NUL, or over the size limit): find which
            for (int k = 0; k < texts.size(); k++) {
                submitOne(chunk, at.get(k), texts.get(k));
            }
        }
        return chunk;
    }

    private void submitOne(PendingChunk chunk, int index, String text) throws InterruptedException {
        try {
            register(chunk, List.of(index), List.of(retrying(() -> api.submit(text))));
        } catch (TextsClient.ApiRefusal refusal) {
            chunk.errors[index] = "refused by the API: " + refusal.getMessage();
        }
    }

    /** Retries what may pass later (503, 429, a broken connection); a permanent refusal is thrown at once. */
    private <T> T retrying(Call<T> call) throws TextsClient.ApiRefusal, InterruptedException {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        long backoff = 250;
        while (true) {
            try {
                return call.run();
            } catch (TextsClient.ApiRefusal refusal) {
                if (refusal.permanent()) {
                    throw refusal;
                }
                giveUpAfter(deadline, refusal);
            } catch (IOException e) {
                giveUpAfter(deadline, e);
            }
            Thread.sleep(backoff);
            backoff = Math.min(5_000, backoff * 2);
        }
    }

    private void giveUpAfter(long deadline, IOException e) {
        if (System.nanoTime() > deadline) {
            throw new UserError("the API at " + api.resolve("/") + " accepted no texts for " + RETRY_FOR.toSeconds()
                    + " s; last answer: " + describe(e), e);
        }
    }

    private void register(PendingChunk chunk, List<Integer> at, List<String> ids) {
        synchronized (lock) {
            inFlight += ids.size();
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

    // ---------------------------------------------------------------- results

    private void onResult(JsonNode event) {
        if (!event.hasNonNull("id") || "pending".equals(event.path("status").asText())) {
            return;
        }
        String id = event.get("id").asText();
        synchronized (lock) {
            Slot slot = waiting.remove(id);
            if (slot != null) {
                slot.chunk.remaining--;
                fill(slot, event);
            } else {
                recent.put(id, event);
            }
        }
    }

    /** Caller holds {@code lock}. */
    private void fill(Slot slot, JsonNode event) {
        slot.chunk.results[slot.index] = event;
        inFlight--;
        results++;
        lock.notifyAll();
    }

    private void awaitHead(PendingChunk head, ResultFeed feed) throws InterruptedException {
        long lastResults = -1;
        long lastProgress = System.nanoTime();
        long lastPoll = System.nanoTime();
        while (true) {
            long seen;
            synchronized (lock) {
                if (head.remaining == 0) {
                    return;
                }
                lock.wait(200);
                if (head.remaining == 0) {
                    return;
                }
                seen = results;
            }
            long now = System.nanoTime();
            if (seen != lastResults) {
                lastResults = seen;
                lastProgress = now;
            } else if (now - lastProgress > resultTimeout.toNanos()) {
                throw new UserError("no result arrived for " + resultTimeout.toSeconds() + " s (" + inFlight()
                        + " texts in flight); are workers running? Texts already submitted stay in the store");
            }
            if (feed.ended() || now - lastPoll > POLL_AFTER.toNanos()) {
                poll(head);
                lastPoll = System.nanoTime();
            }
        }
    }

    /** Reads the oldest chunk's missing results by id (the first one waits a little for its result). */
    private void poll(PendingChunk head) throws InterruptedException {
        List<String> missing = new ArrayList<>();
        synchronized (lock) {
            for (int i = 0; i < head.ids.length; i++) {
                if (head.ids[i] != null && head.results[i] == null) {
                    missing.add(head.ids[i]);
                }
            }
        }
        boolean first = true;
        for (String id : missing) {
            try {
                JsonNode text = api.read(id, first ? Duration.ofSeconds(1) : Duration.ZERO);
                first = false;
                if (!"pending".equals(text.path("status").asText())) {
                    onResult(text);
                } else {
                    return; // later ones are most likely pending too
                }
            } catch (IOException e) {
                return; // the API is away: try again at the next poll
            }
        }
    }

    private boolean complete(PendingChunk chunk) {
        synchronized (lock) {
            return chunk.remaining == 0;
        }
    }

    private int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    // ---------------------------------------------------------------- writing

    private static BatchTally write(PendingChunk chunk, PredictionJsonWriter writer) throws IOException {
        BatchTally tally = BatchTally.NONE;
        for (int i = 0; i < chunk.lines.size(); i++) {
            InputLine line = chunk.lines.get(i);
            String error = line.isBad() ? line.error() : chunk.errors[i];
            JsonNode result = chunk.results[i];
            if (error == null && !"done".equals(result.path("status").asText())) {
                error = "the pipeline failed on this text: " + result.path("error").asText("no reason given");
            }
            if (error != null) {
                writer.writeError(line.number(), error);
                tally = tally.withBadLine(line.number(), error);
            } else {
                writer.write(prediction(result));
                tally = tally.withLine();
            }
        }
        return tally;
    }

    private static Prediction prediction(JsonNode r) {
        List<Candidate> top = new ArrayList<>();
        r.path("top").forEach(c -> top.add(new Candidate(c.path("language").asText(), text(c, "name"),
                text(c, "native"), c.path("probability").asDouble())));
        return new Prediction(r.path("language").asText(), text(r, "name"), text(r, "native"),
                r.path("probability").asDouble(), top);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    /** Submitted lines and their answers; arrays are indexed like {@code lines}. Counters guarded by the lock. */
    private static final class PendingChunk {
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

    private record Slot(PendingChunk chunk, int index, String id) {}
}
