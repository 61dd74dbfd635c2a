package io.glossa.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Streams {@code <label>\t<text>} lines from a UTF-8 file in constant memory.
 *
 * <p>UTF-8 is decoded strictly (malformed bytes are a bad line, not silently replaced), so a file in the
 * wrong encoding is noticed instead of training on mojibake. Bad lines (no tab, empty label or text, invalid
 * UTF-8) go to the bad-line listener as {@code file:line: reason}; reading stops with a {@link CorpusException}
 * when the {@link BadLinePolicy} is exceeded. Blank lines are skipped (counted as lines, not as bad). A trailing CR is dropped.
 */
public final class TsvCorpusReader {
    private static final int MAX_LINE_BYTES = 1 << 20;

    private final BadLinePolicy policy;
    private final Consumer<BadLine> badLineListener;

    public TsvCorpusReader(BadLinePolicy policy, Consumer<BadLine> badLineListener) {
        this.policy = policy;
        this.badLineListener = badLineListener;
    }

    public TsvCorpusReader() {
        this(BadLinePolicy.DEFAULT, bad -> {});
    }

    /** Reads the whole file into memory (for training-sized files). */
    public List<LabeledText> readAll(Path file) {
        List<LabeledText> out = new ArrayList<>();
        read(file, out::add);
        return out;
    }

    /** Streams the good lines of {@code file} to {@code sink} and returns what was found. */
    public CorpusStats read(Path file, Consumer<LabeledText> sink) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new CorpusException(name + " is a directory, not a TSV file");
        }
        MessageDigest sha = sha256();
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = new DigestInputStream(raw, sha)) {
            Counts counts = readLines(name, in, sink);
            checkFraction(name, counts);
            return new CorpusStats(
                    name,
                    HexFormat.of().formatHex(sha.digest()),
                    counts.lines,
                    counts.good,
                    counts.bad,
                    counts.perLabel);
        } catch (NoSuchFileException e) {
            throw new CorpusException("file not found: " + name, e);
        } catch (AccessDeniedException e) {
            throw new CorpusException("cannot read " + name + ": permission denied", e);
        } catch (IOException e) {
            throw new CorpusException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private Counts readLines(String name, InputStream in, Consumer<LabeledText> sink) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Counts counts = new Counts();
        LineBuffer line = new LineBuffer();
        byte[] chunk = new byte[1 << 16];
        int n;
        while ((n = in.read(chunk)) >= 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (chunk[i] == '\n') {
                    line.append(chunk, start, i - start, name, counts.lines + 1);
                    handle(name, line, decoder, counts, sink);
                    line.reset();
                    start = i + 1;
                }
            }
            line.append(chunk, start, n - start, name, counts.lines + 1);
        }
        if (line.length > 0) {
            handle(name, line, decoder, counts, sink);
        }
        return counts;
    }

    private void handle(
            String name, LineBuffer line, CharsetDecoder decoder, Counts counts, Consumer<LabeledText> sink) {
        counts.lines++;
        line.dropTrailingCr();
        if (line.isBlank()) {
            return;
        }
        String reason;
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(line.bytes, 0, line.length)).toString();
            reason = null;
        } catch (CharacterCodingException e) {
            text = null;
            reason = "invalid UTF-8";
        }
        LabeledText parsed = null;
        if (text != null) {
            int tab = text.indexOf('\t');
            if (tab < 0) {
                reason = "no tab between label and text";
            } else {
                String label = text.substring(0, tab).strip();
                String body = text.substring(tab + 1).strip();
                if (label.isEmpty()) {
                    reason = "empty label";
                } else if (body.isEmpty()) {
                    reason = "empty text";
                } else {
                    parsed = new LabeledText(label, body);
                }
            }
        }
        if (parsed != null) {
            counts.good++;
            counts.perLabel.merge(parsed.label(), 1L, Long::sum);
            sink.accept(parsed);
            return;
        }
        counts.bad++;
        BadLine bad = new BadLine(name, counts.lines, reason);
        if (counts.firstBad == null) {
            counts.firstBad = bad;
        }
        badLineListener.accept(bad);
        if (counts.bad > policy.maxBadLines()) {
            throw new CorpusException(name + ": too many bad lines (more than " + policy.maxBadLines() + "); first: "
                    + counts.firstBad + "; last: " + bad);
        }
    }

    private void checkFraction(String name, Counts counts) {
        if (counts.bad > 0 && counts.bad > policy.maxBadFraction() * counts.lines) {
            throw new CorpusException(String.format(
                    java.util.Locale.ROOT,
                    "%s: %d of %d lines are bad (%.1f%%, more than the allowed %.1f%%); first: %s",
                    name,
                    counts.bad,
                    counts.lines,
                    100.0 * counts.bad / counts.lines,
                    100.0 * policy.maxBadFraction(),
                    counts.firstBad));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class Counts {
        long lines;
        long good;
        long bad;
        BadLine firstBad;
        final Map<String, Long> perLabel = new TreeMap<>();
    }

    /** Growable byte buffer for one line, capped so a file without newlines cannot exhaust memory. */
    private static final class LineBuffer {
        byte[] bytes = new byte[1024];
        int length;

        void append(byte[] src, int from, int count, String name, long lineNumber) {
            if (length + count > bytes.length) {
                if (length + count > MAX_LINE_BYTES) {
                    throw new CorpusException(name + ":" + lineNumber + ": line longer than " + MAX_LINE_BYTES
                            + " bytes — is this a TSV text file?");
                }
                bytes = Arrays.copyOf(bytes, Math.min(MAX_LINE_BYTES, Math.max(length + count, length * 2)));
            }
            System.arraycopy(src, from, bytes, length, count);
            length += count;
        }

        void dropTrailingCr() {
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
        }

        boolean isBlank() {
            for (int i = 0; i < length; i++) {
                if (bytes[i] != ' ') {
                    return false;
                }
            }
            return true;
        }

        void reset() {
            length = 0;
        }
    }
}
