package io.glossa.client.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The input of {@code glossa batch} cut into numbered chunks of lines, so that work can be handed out and written
 * back in order with only a bounded number of chunks in memory. A chunk ends at {@code maxLines} lines, at about
 * {@code maxChars} characters, or when no more input is waiting (an interactive producer gets its answers at once).
 * Blank lines come back as bad lines: a batch answers them with an error object, as the API refuses them.
 */
public final class LineChunks {
    public static final String EMPTY_LINE = "empty line";

    private final Utf8LineReader reader;
    private final int maxLines;
    private final int maxChars;

    public LineChunks(Utf8LineReader reader, int maxLines, int maxChars) {
        this.reader = reader;
        this.maxLines = maxLines;
        this.maxChars = maxChars;
    }

    /** The next chunk (never empty), or {@code null} at the end of the input. */
    public List<InputLine> next() throws IOException {
        List<InputLine> chunk = new ArrayList<>(Math.min(maxLines, 1024));
        long chars = 0;
        while (chunk.size() < maxLines && chars < maxChars) {
            InputLine line = reader.next();
            if (line == null) {
                break;
            }
            if (!line.isBad() && line.text().isBlank()) {
                line = InputLine.bad(line.number(), EMPTY_LINE);
            }
            chunk.add(line);
            chars += line.isBad() ? 0 : line.text().length();
            if (!reader.hasBufferedInput()) {
                break;
            }
        }
        return chunk.isEmpty() ? null : chunk;
    }
}
