package io.glossa.client.load;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes the id of every accepted text to a file, one per line, so that a fault test can check afterwards in the
 * database that each of them got exactly one result (the load tool's own count cannot see duplicates there).
 */
public final class AcceptedIdsFile implements Consumer<String>, AutoCloseable {
    private final BufferedWriter out;
    private IOException failure;

    public AcceptedIdsFile(Path file) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
    }

    /** Called from several HTTP client threads at once. */
    @Override
    public synchronized void accept(String id) {
        if (failure != null) {
            return;
        }
        try {
            out.write(id);
            out.newLine();
        } catch (IOException e) {
            failure = e; // reported by close(): a load run should not stop because its id list cannot be written
        }
    }

    /** Flushes the file; throws if any id could not be written, since an incomplete list would fake losses. */
    @Override
    public synchronized void close() throws IOException {
        try {
            out.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw new IOException("could not write every accepted id: " + failure.getMessage(), failure);
        }
    }
}
