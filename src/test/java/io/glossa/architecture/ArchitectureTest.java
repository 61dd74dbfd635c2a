package io.glossa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of src/main (README, "Architecture"): a pure core, ports with their policies, and adapters around
 * them, wired by the composition root.
 * <ul>
 *   <li>core: text, features, model, training, evaluation, corpus;</li>
 *   <li>ports and policies: pipeline, registry, and access (the {@code ApiKeyStore} port with the key and rate-limit
 *       policies: it imports nothing of ours, and store implements its port);</li>
 *   <li>adapters: broker, store, web, cli, metrics (Micrometer behind the {@code PipelineMetrics} and
 *       {@code ModelMetrics} ports), telemetry (OpenTelemetry behind the {@code Tracing} port), client (the Java
 *       client, the load tool and the batch clients);</li>
 *   <li>the composition root: io.glossa.app, when present.</li>
 * </ul>
 * cli is the entry point: its commands start what the composition root assembles, so only cli may import app.
 */
@AnalyzeClasses(
        packages = "io.glossa",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    private static final String[] CORE = {
        "io.glossa.text..",
        "io.glossa.features..",
        "io.glossa.model..",
        "io.glossa.training..",
        "io.glossa.evaluation..",
        "io.glossa.corpus.."
    };
    private static final String[] PORTS = {"io.glossa.pipeline..", "io.glossa.registry..", "io.glossa.access.."};
    private static final String[] ADAPTERS_BESIDE_CLI = {
        "io.glossa.broker..",
        "io.glossa.store..",
        "io.glossa.web..",
        "io.glossa.metrics..",
        "io.glossa.telemetry..",
        "io.glossa.client.."
    };
    private static final String CLI = "io.glossa.cli..";
    private static final String APP = "io.glossa.app..";

    @ArchTest
    static final ArchRule coreImportsNoAdapter = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(adaptersAndApp())
            .because("the core is pure: it is trained, evaluated and used without a broker, a database or HTTP");

    @ArchTest
    static final ArchRule portsImportNoAdapter = noClasses()
            .that()
            .resideInAnyPackage(PORTS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(adaptersAndApp())
            .because("ports and policies are written against interfaces; adapters implement them, never the reverse");

    @ArchTest
    static final ArchRule adaptersImportNeitherCliNorApp = noClasses()
            .that()
            .resideInAnyPackage(ADAPTERS_BESIDE_CLI)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CLI, APP)
            .because("the command line and the composition root wire adapters; an adapter that reached back would "
                    + "drag every other adapter with it");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages =
            slices().matching("io.glossa.(*)..").should().beFreeOfCycles();

    private static String[] adaptersAndApp() {
        String[] packages = java.util.Arrays.copyOf(ADAPTERS_BESIDE_CLI, ADAPTERS_BESIDE_CLI.length + 2);
        packages[ADAPTERS_BESIDE_CLI.length] = CLI;
        packages[ADAPTERS_BESIDE_CLI.length + 1] = APP;
        return packages;
    }
}
