package io.glossa.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the single runnable jar: {@code java -jar glossa.jar <command>}. */
@Command(name = "glossa", mixinStandardHelpOptions = true, versionProvider = GlossaVersion.class,
        description = "Realtime language prediction.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
