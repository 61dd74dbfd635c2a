package io.glossa.cli;

import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFormatException;
import io.glossa.registry.CheckSentences;
import io.glossa.registry.ModelEntry;
import io.glossa.registry.ModelEvent;
import io.glossa.registry.ModelRegistry;
import io.glossa.registry.ModelState;
import io.glossa.registry.Refusal;
import io.glossa.registry.WorkerStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code glossa models list}: versions, the active one, the changelog, and what each worker runs. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the registered versions (* = active, s = shadow), the changelog and the workers' models.")
final class ModelsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (RegistryAccess access = RegistryAccess.open(storeOptions)) {
            ModelRegistry registry = access.registry();
            List<ModelEntry> models = registry.list();
            if (models.isEmpty()) {
                out.println("no models registered yet: glossa models add FILE --note TEXT (serve registers the one it "
                        + "starts with)");
                out.flush();
                return ExitCodes.OK;
            }
            printModels(out, models, registry.state(), registry);
            printChangelog(out, registry.events());
            printWorkers(out, registry.workers(), registry.refusals());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * CLAIMED is the dev score the model file states about itself; MEASURED is what glossa measured on its own
     * check sentences (io.glossa.registry.CheckSentences) when the model was added; for a model added without that
     * check, it is measured now, by loading the stored file.
     */
    private static void printModels(
            PrintWriter out, List<ModelEntry> models, ModelState state, ModelRegistry registry) {
        out.printf(Locale.ROOT, "  %-22s %-7s %-8s %-24s %s%n", "VERSION", "CLAIMED", "MEASURED", "ADDED", "NOTE");
        for (ModelEntry m : models) {
            String marker =
                    m.version().equals(state.active()) ? "*" : m.version().equals(state.shadow()) ? "s" : " ";
            out.printf(
                    Locale.ROOT,
                    "%s %-22s %-7s %-8s %-24s %s%n",
                    marker,
                    m.version(),
                    score(m.devScore()),
                    m.measuredScore() != null ? score(m.measuredScore()) : measured(registry, m.version()),
                    m.addedAt(),
                    m.note());
        }
    }

    static String score(Double score) {
        return score == null ? "-" : String.format(Locale.ROOT, "%.4f", score);
    }

    private static String measured(ModelRegistry registry, String version) {
        try {
            return registry.bytes(version)
                    .map(bytes -> score(CheckSentences.measure(LanguageModel.fromBytes(bytes))
                            .macroAccuracy()))
                    .orElse("-");
        } catch (ModelFormatException | IllegalArgumentException e) {
            return "unloadable";
        }
    }

    private static void printChangelog(PrintWriter out, List<ModelEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        out.println("changelog:");
        for (ModelEvent e : events) {
            out.printf(
                    Locale.ROOT, "  %s  %-10s %s%n", e.at(), e.action().key(), e.version() == null ? "" : e.version());
        }
    }

    private static void printWorkers(PrintWriter out, List<WorkerStatus> workers, List<Refusal> refusals) {
        if (!workers.isEmpty()) {
            out.println("workers:");
            for (WorkerStatus w : workers) {
                out.printf(
                        Locale.ROOT,
                        "  %s  %s%s (reported %s)%n",
                        w.worker(),
                        w.activeVersion(),
                        w.shadowVersion() == null ? "" : ", shadow " + w.shadowVersion(),
                        w.at());
            }
        }
        if (!refusals.isEmpty()) {
            out.println("refused:");
            for (Refusal r : refusals) {
                out.printf(Locale.ROOT, "  %s  %s  %s: %s%n", r.at(), r.worker(), r.version(), r.reason());
            }
        }
    }
}
