package io.glossa.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program outside the JVM (python3, node, npm, npx) run to its end for a test. stdout is the program's answer;
 * stderr goes to a file and is added to the output only when the program failed, so warnings never garble an answer.
 * A missing program fails the test naming the Debian packages to install, as ./test promises.
 */
record ExternalRun(int exitCode, String output) {
    static final long TIMEOUT_SECONDS = 600;

    static ExternalRun of(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        Path errors = Files.createTempFile("glossa-external", ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectError(errors.toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(command[0] + " is missing: apt-get install python3-pika nodejs npm", e);
        }
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes(); // until the program closes stdout, i.e. ends
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        String output = new String(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            output += Files.readString(errors);
        }
        Files.deleteIfExists(errors);
        return new ExternalRun(process.exitValue(), output);
    }
}
