package io.glossa.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of the single runnable jar: {@code java -jar glossa.jar <command>}. */
@Command(
        name = "glossa",
        mixinStandardHelpOptions = true,
        versionProvider = GlossaVersion.class,
        description = "Realtime language prediction.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ServeCommand.class,
            ApiCommand.class,
            WorkerCommand.class,
            LoadCommand.class,
            BatchCommand.class,
            TrainCommand.class,
            InfoCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            KeysCommand.class,
            ModelsCommand.class,
            ReverifyCommand.class,
            FailedCommand.class
        })
public final class Main {
    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "On errors, print the stack trace too.")
    boolean verbose;

    @Option(
            names = "--log-format",
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            defaultValue = "${env:GLOSSA_LOG_FORMAT:-text}",
            description = "Log lines on stderr as 'text' (ISO date, level, logger, message) or 'json' (one object per "
                    + "line, for log collectors) (env GLOSSA_LOG_FORMAT; default: ${DEFAULT-VALUE}).")
    void logFormat(String value) {
        try {
            LogFormat.use(LogFormat.parse(value));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // a thread that dies of an Error leaves its reason here; the Watchdog then stops the process
        Thread.setDefaultUncaughtExceptionHandler((thread, error) ->
                org.slf4j.LoggerFactory.getLogger(Main.class).error("thread {} died", thread.getName(), error));
        System.exit(run(args));
    }

    static int run(String... args) {
        try {
            return commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // picocli's handlers see only Exceptions; a JVM error must still end in one actionable line
            System.err.println("glossa: out of memory (" + e.getMessage() + "); give the JVM more heap, e.g. "
                    + "java -Xmx512m -jar glossa.jar ...");
            return ExitCodes.INTERNAL;
        }
    }

    /** The command line with glossa's error handling installed (see {@link CliErrorHandler}). */
    public static CommandLine commandLine() {
        CliErrorHandler errors = new CliErrorHandler();
        // UTF-8 whatever the platform charset: Java 17 in a POSIX locale would print native names as '?'.
        return new CommandLine(new Main())
                .setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true))
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
