package io.glossa.clients;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program outside the JVM (python3, node, npm, npx) for a test, with output captured. A missing program fails
 * the test naming the Debian package that brings it, as ./test promises.
 *
 * @param exitCode the program's exit code
 * @param output   stdout and stderr, interleaved
 */
record ExternalCommand(int exitCode, String output) {
    static ExternalCommand run(Path directory, Map<String, String> environment, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(command.get(0) + " is missing: install it (" + packageOf(command.get(0)) + ")", e);
        }
        // read on another thread, so a chatty program cannot block on a full pipe while we wait
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process was killed
            }
        });
        reader.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            reader.join(5_000);
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + output);
        }
        reader.join(5_000);
        return new ExternalCommand(process.exitValue(), output.toString());
    }

    private static String packageOf(String program) {
        return switch (program) {
            case "python3", "/usr/bin/python3" -> "apt-get install python3 python3-pika";
            case "node", "npm", "npx" -> "apt-get install nodejs npm";
            default -> "see README.md";
        };
    }
}
