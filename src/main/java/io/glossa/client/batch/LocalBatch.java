package io.glossa.client.batch;

import io.glossa.concurrent.Threads;
import io.glossa.model.LanguageClassifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code glossa batch} in this process: chunks of lines are classified on {@code threads} threads while this thread
 * reads ahead and writes finished chunks strictly in input order. At most {@code window} chunks are read but not yet
 * written, so memory stays constant whatever the input size, and a slow chunk holds back only the writing.
 */
public final class LocalBatch {
    private final LanguageClassifier classifier;
    private final int topK;
    private final int threads;
    private final int window;

    public LocalBatch(LanguageClassifier classifier, int topK, int threads) {
        this.classifier = classifier;
        this.topK = topK;
        this.threads = threads;
        this.window = threads * 4; // enough read-ahead that no thread waits for the next chunk
    }

    public BatchTally run(LineChunks chunks, OutputStream out, BatchListener progress)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Threads.daemonFactory("batch"));
        try {
            ArrayDeque<Future<ChunkOutput>> pending = new ArrayDeque<>();
            BatchTally tally = BatchTally.NONE;
            for (List<InputLine> chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                List<InputLine> lines = chunk;
                pending.add(pool.submit(() -> classify(lines)));
                while (pending.size() >= window
                        || (!pending.isEmpty() && pending.peek().isDone())) {
                    tally = tally.plus(write(pending.remove(), out));
                    progress.written(tally.lines(), "");
                }
            }
            while (!pending.isEmpty()) {
                tally = tally.plus(write(pending.remove(), out));
                progress.written(tally.lines(), "");
            }
            out.flush();
            return tally;
        } finally {
            pool.shutdownNow();
        }
    }

    private static BatchTally write(Future<ChunkOutput> next, OutputStream out)
            throws IOException, InterruptedException {
        ChunkOutput chunk;
        try {
            chunk = next.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
        out.write(chunk.json());
        return chunk.tally();
    }

    private ChunkOutput classify(List<InputLine> lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(lines.size() * 160);
        BatchTally tally = BatchTally.NONE;
        try (PredictionJsonWriter writer = new PredictionJsonWriter(bytes)) {
            for (InputLine line : lines) {
                if (line.isBad()) {
                    writer.writeError(line.number(), line.error());
                    tally = tally.withBadLine(line.number(), line.error());
                } else {
                    writer.write(classifier.predict(line.text(), topK));
                    tally = tally.withLine();
                }
            }
        }
        return new ChunkOutput(bytes.toByteArray(), tally);
    }

    private record ChunkOutput(byte[] json, BatchTally tally) {}
}
