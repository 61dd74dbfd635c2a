package io.glossa.cli;

import io.glossa.registry.ModelEvent;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glossa models shadow VERSION | --off}: a candidate beside the active model, its answers stored apart. */
@Command(
        name = "shadow",
        mixinStandardHelpOptions = true,
        description = {
            "Run a registered candidate beside the active model on live traffic: every worker also",
            "predicts with it and stores its answer apart (never shown to clients). --off stops it.",
            "Compare afterwards with: glossa models compare ACTIVE CANDIDATE"
        })
final class ModelsShadowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Mixin
    BrokerOptions brokerOptions;

    @Parameters(index = "0", arity = "0..1", paramLabel = "VERSION", description = "A version from glossa models list.")
    String version;

    @Option(names = "--off", description = "Stop shadowing.")
    boolean off;

    @Override
    public Integer call() {
        if (off == (version != null)) {
            throw new ParameterException(spec.commandLine(), "give either a VERSION or --off");
        }
        try (RegistryAccess access = RegistryAccess.open(storeOptions)) {
            var catalog =
                    access.announcingCatalog(brokerOptions, spec.commandLine().getErr());
            ModelEvent event = off ? catalog.shadowOff() : catalog.shadow(version);
            spec.commandLine()
                    .getOut()
                    .println(
                            off ? "shadow off at " + event.at() : "shadowing " + event.version() + " at " + event.at());
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }
}
