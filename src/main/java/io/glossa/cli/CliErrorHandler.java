package io.glossa.cli;

import io.glossa.corpus.CorpusException;
import io.glossa.model.ModelFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How every glossa command fails: one clear line on stderr ({@code glossa <command>: <message>}) and a non-zero
 * exit; the stack trace only with the global {@code --verbose}. Errors the user can fix (see {@link #isUserError})
 * exit {@link ExitCodes#USER_ERROR}; anything else is a bug and exits {@link ExitCodes#INTERNAL}.
 * Installed by {@link Main#commandLine()}; other commands only need to throw {@link UserError} or one of the
 * core exceptions.
 */
final class CliErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private static final List<Class<? extends Throwable>> USER_ERRORS = List.of(
            UserError.class,
            io.glossa.app.StartupException.class,
            io.glossa.client.batch.BatchException.class,
            ModelFormatException.class,
            CorpusException.class,
            NoSuchFileException.class,
            AccessDeniedException.class,
            io.glossa.pipeline.StoreUnavailableException.class,
            io.glossa.pipeline.BrokerUnavailableException.class,
            io.glossa.registry.ModelRegistryException.class,
            io.glossa.registry.BadModelException.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        boolean user = isUserError(ex);
        err.println(prefix(cmd)
                + (user
                        ? message(ex)
                        : "internal error: " + message(ex)
                                + (isVerbose(parseResult) ? "" : " (run with --verbose for details)")));
        if (isVerbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return user ? ExitCodes.USER_ERROR : ExitCodes.INTERNAL;
    }

    /** Short: the problem and where to get help, not the whole usage text. */
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(prefix(cmd) + ex.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    static boolean isUserError(Throwable ex) {
        Throwable t = unwrap(ex);
        if (t instanceof IOException) {
            // Files that do not exist, cannot be read or written: the user's to fix.
            return true;
        }
        return USER_ERRORS.stream().anyMatch(type -> type.isInstance(t));
    }

    private static Throwable unwrap(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String message(Throwable ex) {
        Throwable t = unwrap(ex);
        if (t instanceof NoSuchFileException e) {
            return "file not found: " + e.getFile();
        }
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }

    private static boolean isVerbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
