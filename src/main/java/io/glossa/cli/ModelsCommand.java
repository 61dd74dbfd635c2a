package io.glossa.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code glossa models ...}: the model registry. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = {
            "The model registry: versions kept in the store, the active one, the changelog.",
            "Same store options as serve (--data-dir, --db-url); works beside a running serve on the same data dir."
        },
        subcommands = {
            CommandLine.HelpCommand.class,
            ModelsListCommand.class,
            ModelsAddCommand.class,
            ModelsActivateCommand.class,
            ModelsRollbackCommand.class,
            ModelsShadowCommand.class,
            ModelsCompareCommand.class
        })
final class ModelsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "say what to do: list, add FILE --note TEXT, activate VERSION, rollback, shadow VERSION | --off, compare A B");
    }
}
