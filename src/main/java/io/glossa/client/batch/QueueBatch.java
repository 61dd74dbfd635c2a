package io.glossa.client.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.glossa.client.load.Pacer;
import io.glossa.client.load.ResultFeed;
import io.glossa.client.load.TextsClient;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code glossa batch --via-queue}: lines go to a running API in chunks ({@code POST /api/v1/texts:batch}, batch
 * lane), results come back on its event stream and are written in input order. At most {@code window} texts are in
 * flight (submitted, not yet written), which bounds this process's memory and the batch queue's depth. Results the
 * event stream did not bring (it raced the submission answer beyond the recent-events memory, or the stream broke)
 * are read by id when the oldest chunk has made no progress for a while.
 */
public final class QueueBatch {
    private static final Duration POLL_AFTER = Duration.ofSeconds(2);

    private final TextsClient api;
    private final int window;
    private final Pacer pacer;
    private final Supplier<String> paceNote;
    private final Duration resultTimeout;
    private final InFlight inFlight;
    private final BatchSubmitter submitter;

    /**
     * @param pacer    spaces the submissions (a fixed rate, or one that follows the realtime lane)
     * @param paceNote how the pace stands, for the progress line ("" for nothing)
     */
    public QueueBatch(TextsClient api, int window, Pacer pacer, Duration resultTimeout, Supplier<String> paceNote) {
        this.api = api;
        this.window = window;
        this.pacer = pacer;
        this.paceNote = paceNote;
        this.resultTimeout = resultTimeout;
        this.inFlight = new InFlight(window);
        this.submitter = new BatchSubmitter(api, inFlight);
    }

    public BatchTally run(LineChunks chunks, OutputStream out, BatchListener progress)
            throws IOException, InterruptedException {
        try (ResultFeed feed = new ResultFeed(api.key());
                PredictionJsonWriter writer = new PredictionJsonWriter(out)) {
            feed.start(api.resolve("/api/v1/events"), (event, arrival) -> inFlight.onResult(event));
            ArrayDeque<PendingChunk> pending = new ArrayDeque<>();
            BatchTally tally = BatchTally.NONE;
            for (List<InputLine> lines = chunks.next(); lines != null; lines = chunks.next()) {
                pacer.await(lines.size());
                pending.add(submitter.submit(lines));
                while (!pending.isEmpty() && (inFlight.count() > window || inFlight.complete(pending.peek()))) {
                    tally = writeHead(pending, feed, writer, tally, progress);
                }
                writer.flush();
            }
            while (!pending.isEmpty()) {
                tally = writeHead(pending, feed, writer, tally, progress);
            }
            writer.flush();
            return tally;
        }
    }

    private BatchTally writeHead(
            ArrayDeque<PendingChunk> pending,
            ResultFeed feed,
            PredictionJsonWriter writer,
            BatchTally tally,
            BatchListener progress)
            throws IOException, InterruptedException {
        awaitHead(pending.peek(), feed);
        BatchTally written = tally.plus(ChunkWriter.write(pending.remove(), writer));
        progress.written(written.lines(), status());
        return written;
    }

    private String status() {
        String note = paceNote.get();
        return inFlight.count() + " texts in flight" + (note.isEmpty() ? "" : ", " + note);
    }

    private void awaitHead(PendingChunk head, ResultFeed feed) throws InterruptedException {
        long lastResults = -1;
        long lastProgress = System.nanoTime();
        long lastPoll = System.nanoTime();
        while (true) {
            long seen = inFlight.await(head, 200);
            if (seen < 0) {
                return;
            }
            long now = System.nanoTime();
            if (seen != lastResults) {
                lastResults = seen;
                lastProgress = now;
            } else if (now - lastProgress > resultTimeout.toNanos()) {
                throw new BatchException(
                        "no result arrived for " + resultTimeout.toSeconds() + " s (" + inFlight.count()
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
        boolean first = true;
        for (String id : inFlight.missing(head)) {
            try {
                JsonNode text = api.read(id, first ? Duration.ofSeconds(1) : Duration.ZERO);
                first = false;
                if (!"pending".equals(text.path("status").asText())) {
                    inFlight.onResult(text);
                } else {
                    return; // later ones are most likely pending too
                }
            } catch (IOException e) {
                return; // the API is away: try again at the next poll
            }
        }
    }
}
