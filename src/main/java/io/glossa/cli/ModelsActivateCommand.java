package io.glossa.cli;

import io.glossa.registry.ModelEvent;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glossa models activate VERSION}: every worker switches to it. */
@Command(
        name = "activate",
        mixinStandardHelpOptions = true,
        description = {
            "Make a registered version the active one: every worker fetches, verifies and switches to it.",
            "With --amqp-uri the change is announced at once; otherwise workers notice at their next model check."
        })
final class ModelsActivateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    BrokerOptions brokerOptions;

    @Parameters(index = "0", paramLabel = "VERSION", description = "A version from glossa models list.")
    String version;

    @Override
    public Integer call() {
        try (RegistryAccess access = RegistryAccess.open(storeOptions)) {
            ModelEvent event = access.announcingCatalog(
                            brokerOptions, spec.commandLine().getErr())
                    .activate(version);
            spec.commandLine().getOut().println("activated " + event.version() + " at " + event.at());
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
