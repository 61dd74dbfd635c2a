package io.glossa.cli;

import io.glossa.client.batch.InputLine;
import io.glossa.client.batch.PredictionJsonWriter;
import io.glossa.client.batch.Utf8LineReader;
import io.glossa.model.LanguageClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The stdin mode of {@code predict}: one JSON line out per line in, in order, in constant memory.
 * Output is flushed whenever no more input is waiting, so an interactive or piped producer sees each
 * answer at once, while bulk input is written in large blocks.
 */
final class PredictStream {
    /** Longer lines are answered with an error object; real texts are far shorter. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final LanguageClassifier classifier;
    private final int topK;

    PredictStream(LanguageClassifier classifier, int topK) {
        this.classifier = classifier;
        this.topK = topK;
    }

    Summary run(InputStream in, OutputStream out) throws IOException {
        Utf8LineReader reader = new Utf8LineReader(in, MAX_LINE_BYTES);
        long lines = 0;
        long bad = 0;
        long firstBad = 0;
        String firstError = null;
        try (PredictionJsonWriter writer = new PredictionJsonWriter(out)) {
            for (InputLine line = reader.next(); line != null; line = reader.next()) {
                lines++;
                if (line.isBad()) {
                    writer.writeError(line.number(), line.error());
                    if (bad++ == 0) {
                        firstBad = line.number();
                        firstError = line.error();
                    }
                } else {
                    writer.write(classifier.predict(line.text(), topK));
                }
                if (!reader.hasBufferedInput()) {
                    writer.flush();
                }
            }
            writer.flush();
        }
        return new Summary(lines, bad, firstBad, firstError);
    }

    /** What happened to the stream; {@code firstBadLine} is 0 when every line was read. */
    record Summary(long lines, long badLines, long firstBadLine, String firstError) {}
}
