package io.glossa.cli;

import io.glossa.client.batch.PredictionJsonWriter;
import io.glossa.model.LanguageModel;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glossa predict}: the language of each TEXT, or of each line of stdin, as JSON lines. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = {
            "Predicts the language of each TEXT, or with no TEXT of each line of stdin, and writes one "
                    + "JSON line per text, e.g. {\"language\":\"sv\",\"name\":\"Swedish\",\"native\":\"Svenska\","
                    + "\"probability\":0.97,\"top\":[...]}.",
            "Texts without letters (and empty lines) get \"language\":\"unknown\". stdin is streamed in constant "
                    + "memory, one output line per input line. A line that is not valid UTF-8 (or is longer than 1 MiB) "
                    + "gets {\"line\":N,\"error\":\"...\"} in its place, the other lines are still answered, and the "
                    + "exit status is 1."
        })
final class PredictCommand implements Callable<Integer> {
    @Mixin
    ModelOption model;

    @Option(
            names = "--top",
            defaultValue = "3",
            paramLabel = "K",
            description = "Candidates to list under \"top\" (default: ${DEFAULT-VALUE}).")
    int top;

    @Parameters(
            paramLabel = "TEXT",
            arity = "0..*",
            description = "Texts to classify (default: read lines from stdin).")
    List<String> texts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, got " + top);
        }
        LanguageModel languageModel = model.load();
        // Straight to fd 1 in UTF-8 bytes: no PrintStream locking or platform charset in the way.
        OutputStream out =
                new BufferedOutputStream(new ClosedOutputGuard(new FileOutputStream(FileDescriptor.out)), 1 << 16);
        try {
            return predict(languageModel, out);
        } catch (ClosedOutputGuard.OutputClosedException e) {
            return ClosedOutputGuard.EXIT_PIPE_CLOSED; // the reader stopped early (e.g. | head): not an error to report
        }
    }

    private int predict(LanguageModel languageModel, OutputStream out) throws IOException {
        if (texts == null || texts.isEmpty()) {
            return predictStdin(languageModel, new FileInputStream(FileDescriptor.in), out);
        }
        try (PredictionJsonWriter writer = new PredictionJsonWriter(out)) {
            for (String text : texts) {
                warnIfUndecodable(text);
                writer.write(languageModel.predict(text, top));
            }
        }
        out.flush();
        return 0;
    }

    private int predictStdin(LanguageModel languageModel, InputStream in, OutputStream out) throws IOException {
        PredictStream.Summary summary = new PredictStream(languageModel, top).run(in, out);
        out.flush();
        if (summary.badLines() > 0) {
            spec.commandLine()
                    .getErr()
                    .println(spec.qualifiedName() + ": " + summary.badLines() + " of "
                            + summary.lines() + " input lines could not be read (first: line " + summary.firstBadLine()
                            + ", " + summary.firstError() + "); they got an error object in their place");
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }

    /** Java decodes arguments with the platform charset; a non-UTF-8 locale turns letters into U+FFFD. */
    private void warnIfUndecodable(String text) {
        if (text.indexOf('\uFFFD') >= 0) {
            spec.commandLine()
                    .getErr()
                    .println(spec.qualifiedName() + ": warning: an argument contains undecodable"
                            + " characters; use a UTF-8 locale (e.g. LANG=C.UTF-8) or pass the text on stdin");
        }
    }
}
