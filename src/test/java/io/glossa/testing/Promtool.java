package io.glossa.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus' {@code promtool} (Debian package {@code prometheus}); fails, naming the package, without it. */
public final class Promtool {
    private Promtool() {}

    public record Outcome(int exitCode, String output) {}

    /** {@code promtool ARGS...} in {@code dir}, with {@code stdin} as its input (empty for none). */
    public static Outcome run(Path dir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(RequiredTool.onPath("promtool", "prometheus").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Outcome(process.exitValue(), output);
    }

    /** {@code promtool check metrics} on a whole /metrics page: Prometheus' naming and format lint. */
    public static Outcome checkMetrics(String exposition) throws IOException, InterruptedException {
        return run(Path.of("."), exposition, "check", "metrics");
    }
}
