package io.glossa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.registry.ModelComparison;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code glossa models compare A B}: disagreement rate and per-language accuracy on feedback labels. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare two versions over the stored texts both answered (live, shadow or re-verify):",
            "how often they disagree, and per language how often each is right on texts users labelled."
        })
final class ModelsCompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "A", description = "A version (e.g. the active one).")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Another version (e.g. the shadow candidate).")
    String b;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ModelComparison comparison;
        try (RegistryAccess access = RegistryAccess.open(storeOptions)) {
            for (String version : new String[] {a, b}) {
                if (access.registry().find(version).isEmpty()) {
                    throw new UserError("no model " + version + " in the registry (see glossa models list)");
                }
            }
            comparison = ModelComparison.compare(access.database().comparisons(), a, b);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
                    .writeValueAsString(comparison));
        } else {
            print(out, comparison);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, ModelComparison c) {
        out.printf(
                Locale.ROOT,
                "%s vs %s: %,d texts answered by both, %,d disagree%s%n",
                c.a(),
                c.b(),
                c.both(),
                c.differ(),
                c.disagreement() == null ? "" : String.format(Locale.ROOT, " (%.2f%%)", 100 * c.disagreement()));
        if (c.languages().isEmpty()) {
            out.println("no feedback-labelled text was answered by either version");
            return;
        }
        out.println("accuracy on feedback-labelled texts (correct/answered):");
        out.printf(Locale.ROOT, "  %-8s %-22s %s%n", "label", c.a(), c.b());
        for (ModelComparison.LanguageRow row : c.languages()) {
            out.printf(Locale.ROOT, "  %-8s %-22s %s%n", row.language(), cell(row.a()), cell(row.b()));
        }
        out.printf(Locale.ROOT, "  %-8s %-22s %s%n", "all", cell(c.overallA()), cell(c.overallB()));
    }

    private static String cell(ModelComparison.Accuracy accuracy) {
        return accuracy.rate() == null
                ? "-"
                : String.format(Locale.ROOT, "%.4f (%d/%d)", accuracy.rate(), accuracy.correct(), accuracy.n());
    }
}
