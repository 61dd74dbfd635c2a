package io.glossa.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The files of {@code glossa batch}: --in and --out ("-" for stdin and stdout), opened with one-line errors. */
final class BatchFiles {
    private BatchFiles() {}

    /** Lines of a file input, counted up front for the progress (a second quick read); -1 for stdin or a pipe. */
    static long countLines(String in) throws IOException {
        if (in.equals("-") || !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(in))) {
            return -1;
        }
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[1 << 16];
        try (InputStream input = java.nio.file.Files.newInputStream(java.nio.file.Path.of(in))) {
            for (int n = input.read(buffer); n > 0; n = input.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    static InputStream openIn(String in) {
        if (in.equals("-")) {
            return new FileInputStream(FileDescriptor.in);
        }
        Path path = Path.of(in);
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new UserError("--in: no such file " + path);
        } catch (AccessDeniedException e) {
            throw new UserError("--in: permission denied: " + path);
        } catch (IOException e) {
            throw new UserError("--in: cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    static OutputStream openOut(String out) {
        if (out.equals("-")) {
            return new BufferedOutputStream(new ClosedOutputGuard(new FileOutputStream(FileDescriptor.out)), 1 << 16);
        }
        Path path = Path.of(out);
        if (Files.isDirectory(path)) {
            throw new UserError("--out " + path + " is a directory; give a file name");
        }
        try {
            return new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new UserError("--out: the folder of " + path + " does not exist");
        } catch (AccessDeniedException e) {
            throw new UserError("--out: permission denied: " + path);
        } catch (IOException e) {
            throw new UserError("--out: cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}
