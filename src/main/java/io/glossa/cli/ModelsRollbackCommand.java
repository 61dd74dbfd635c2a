package io.glossa.cli;

import io.glossa.registry.ModelEvent;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code glossa models rollback}: back to the version that was active before the current one. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Re-activate the version that was active before the current one (again: the one before that).")
final class ModelsRollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    BrokerOptions brokerOptions;

    @Override
    public Integer call() {
        try (RegistryAccess access = RegistryAccess.open(storeOptions)) {
            ModelEvent event = access.announcingCatalog(
                            brokerOptions, spec.commandLine().getErr())
                    .rollback();
            spec.commandLine().getOut().println("rolled back to " + event.version() + " at " + event.at());
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
