package io.glossa.cli;

import io.glossa.corpus.CorpusException;
import io.glossa.model.ModelFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr and a non-zero exit: 2 for a wrong command line, 1 for anything
 * else. The stack trace is printed only with {@code --verbose}.
 */
final class UserErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int USAGE = 2;
    static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println(prefix(cmd) + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        if (ex instanceof ParameterException pe) {
            return handleParseException(pe, parsed.originalArgs().toArray(String[]::new));
        }
        cmd.getErr().println(prefix(cmd) + message(ex));
        if (verbose(parsed)) {
            ex.printStackTrace(cmd.getErr());
        }
        cmd.getErr().flush();
        return FAILURE;
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }

    /** Our own exceptions already carry a message for users; others get their type so they can be reported. */
    private static String message(Exception ex) {
        if (ex instanceof ModelFormatException || ex instanceof CorpusException || ex instanceof UserException
                || ex instanceof io.glossa.pipeline.StoreUnavailableException
                || ex instanceof io.glossa.pipeline.BrokerUnavailableException) {
            return ex.getMessage();
        }
        if (ex instanceof UncheckedIOException || ex instanceof IOException) {
            Throwable io = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            return "I/O error: " + io.getMessage();
        }
        return "unexpected error: " + ex + " (run with --verbose for details)";
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
