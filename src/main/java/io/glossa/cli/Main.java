package io.glossa.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of the single runnable jar: {@code java -jar glossa.jar <command>}. */
@Command(name = "glossa", mixinStandardHelpOptions = true, versionProvider = GlossaVersion.class,
        description = "Realtime language prediction.",
        subcommands = {CommandLine.HelpCommand.class, ServeCommand.class, ApiCommand.class, WorkerCommand.class,
                EvaluateCommand.class, PredictCommand.class, LoadCommand.class})
public final class Main {
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line: UTF-8 output whatever the platform charset, one-line errors. */
    static CommandLine commandLine() {
        UserErrorHandler errors = new UserErrorHandler();
        return new CommandLine(new Main())
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
