package io.glossa.client.batch;

import io.glossa.client.load.TextsClient;
import io.glossa.concurrent.Backoff;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Submits a chunk's good lines in one batch request (batch lane), retrying what may pass later; a batch refused for
 * some of its texts is resent text by text, so only those lines get an error.
 */
final class BatchSubmitter {
    private static final Duration RETRY_FOR = Duration.ofSeconds(60);
    private static final Backoff RETRY_PAUSES = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

    private final TextsClient api;
    private final InFlight inFlight;

    BatchSubmitter(TextsClient api, InFlight inFlight) {
        this.api = api;
        this.inFlight = inFlight;
    }

    PendingChunk submit(List<InputLine> lines) throws InterruptedException {
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
            inFlight.register(chunk, at, retrying(() -> api.submitBatch(texts, "batch")));
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
            inFlight.register(chunk, List.of(index), List.of(retrying(() -> api.submit(text))));
        } catch (TextsClient.ApiRefusal refusal) {
            chunk.errors[index] = "refused by the API: " + refusal.getMessage();
        }
    }

    /** Retries what may pass later (503, 429, a broken connection); a permanent refusal is thrown at once. */
    private <T> T retrying(Call<T> call) throws TextsClient.ApiRefusal, InterruptedException {
        long deadline = System.nanoTime() + RETRY_FOR.toNanos();
        Backoff.Retries retries = RETRY_PAUSES.retries();
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
            retries.pause();
        }
    }

    private void giveUpAfter(long deadline, IOException e) {
        if (System.nanoTime() > deadline) {
            throw new BatchException(
                    "the API at " + api.resolve("/") + " accepted no texts for " + RETRY_FOR.toSeconds()
                            + " s; last answer: " + describe(e),
                    e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }
}
