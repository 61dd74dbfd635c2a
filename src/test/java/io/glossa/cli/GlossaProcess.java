package io.glossa.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged jar ({@code java -jar ${glossa.jar} ...}) as a user would, with stdin, stdout and stderr
 * in files (so large inputs cannot deadlock on pipe buffers).
 */
final class GlossaProcess {
    private final Path workDir;
    private final List<String> jvmOptions = new ArrayList<>();

    GlossaProcess(Path workDir) {
        this.workDir = workDir;
    }

    GlossaProcess jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    static Path jar() {
        String jar = System.getProperty("glossa.jar", "target/glossa.jar");
        Path path = Path.of(jar);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the packaged jar " + path + " is missing: run mvn package first");
        }
        return path;
    }

    Result run(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(List.of(args));
        Path in = Files.createTempFile(workDir, "stdin", ".txt");
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Files.write(in, stdin);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        pb.environment().put("LANG", "C.UTF-8");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("glossa " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(new byte[0], args);
    }

    record Result(int exit, String stdout, String stderr) {
        List<String> stdoutLines() {
            return stdout.isEmpty() ? List.of() : List.of(stdout.split("\n"));
        }

        List<String> stderrLines() {
            return stderr.isEmpty() ? List.of() : List.of(stderr.split("\n"));
        }
    }
}
