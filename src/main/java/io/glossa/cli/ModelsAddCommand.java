package io.glossa.cli;

import io.glossa.model.ModelFile;
import io.glossa.model.ModelLimits;
import io.glossa.registry.ModelCatalog;
import io.glossa.registry.ModelEntry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glossa models add FILE --note TEXT}: keeps a model file in the registry (not active yet). */
@Command(
        name = "add",
        mixinStandardHelpOptions = true,
        description = "Add a model file to the registry (loaded and smoke-tested first; a corrupt file is refused).")
final class ModelsAddCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "A model file written by glossa train.")
    Path file;

    @Option(
            names = "--note",
            required = true,
            paramLabel = "TEXT",
            description = "What changed in this version (kept in the changelog; 1 to 1000 characters).")
    String note;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new UserError("model file not found: " + file);
        }
        byte[] bytes = ModelFile.readBytes(file, ModelLimits.forThisJvm()); // a file too large is never read
        try (RegistryAccess access = RegistryAccess.open(storeOptions)) {
            ModelCatalog.Added added = access.catalog().add(file.toString(), bytes, note);
            ModelEntry entry = added.entry();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(
                    Locale.ROOT,
                    "added %s (%,d bytes, sha256 %s); dev score claimed by the file %s, measured on "
                            + "glossa's check sentences %s; make it active with: glossa models activate %s%n",
                    entry.version(),
                    entry.sizeBytes(),
                    entry.sha256(),
                    ModelsListCommand.score(entry.devScore()),
                    added.measured().describe(),
                    entry.version());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
