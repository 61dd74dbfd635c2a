package io.glossa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;

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
 *
 * <p>Each adapter, app and cli has a face: its only public types, the only ones other packages may depend on.
 * <ul>
 *   <li>broker: AmqpBroker, BrokerSession, EmbeddedBroker, their settings (AmqpEndpoint, AmqpTls, ConnectSettings,
 *       ConsumerSettings, EmbeddedBrokerSettings, Topology, JobPacking, JobMessageCodec's limits), BrokerFlavour,
 *       QueueStatistics, QueueStats, FailedQueue, FailedJob, ModelAnnouncementCodec;</li>
 *   <li>store: JdbcTextStore, Database (it hands out the other port adapters), StoreSettings, Backend,
 *       EmbeddedSync;</li>
 *   <li>web: ApiServer, ApiSettings, AccessSettings, MetricsServer, ReadinessCheck, UiRoutes, QueueDepth;</li>
 *   <li>metrics: MetricsRegistry and the Micrometer adapters of the metrics ports;</li>
 *   <li>telemetry: OtelTracing, OtlpEndpoint;</li>
 *   <li>client.load: LoadRun, LoadSettings, LoadReport, TextSource, AcceptedIdsFile, pacing, TextsClient,
 *       ResultFeed, ApiKey;</li>
 *   <li>client.batch: LocalBatch, QueueBatch, their input, output, tally and listener;</li>
 *   <li>app: Roles, Running and the settings records cli fills in;</li>
 *   <li>cli: Main, ServeCommand (SafeDefaultsIT parses its defaults), BrokerOptions.</li>
 * </ul>
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

    /** Each package's face (see the class comment); the rest of the package is package-private. */
    private static final Map<String, Set<String>> FACES = Map.of(
            "io.glossa.broker",
            Set.of(
                    "AmqpBroker",
                    "AmqpEndpoint",
                    "AmqpTls",
                    "BrokerFlavour",
                    "BrokerSession",
                    "ConnectSettings",
                    "ConsumerSettings",
                    "EmbeddedBroker",
                    "EmbeddedBrokerSettings",
                    "FailedJob",
                    "FailedQueue",
                    "JobMessageCodec",
                    "JobPacking",
                    "ModelAnnouncementCodec",
                    "QueueStatistics",
                    "QueueStats",
                    "Topology"),
            "io.glossa.store",
            Set.of("Backend", "Database", "EmbeddedSync", "JdbcTextStore", "StoreSettings"),
            "io.glossa.web",
            Set.of(
                    "AccessSettings",
                    "ApiServer",
                    "ApiSettings",
                    "MetricsServer",
                    "QueueDepth",
                    "ReadinessCheck",
                    "UiRoutes"),
            "io.glossa.metrics",
            Set.of(
                    "ClientMetrics",
                    "MetricsRegistry",
                    "MicrometerModelMetrics",
                    "MicrometerPipelineMetrics",
                    "OutboxGauge",
                    "QueueGauges"),
            "io.glossa.telemetry",
            Set.of("OtelTracing", "OtlpEndpoint"),
            "io.glossa.client.load",
            Set.of(
                    "AcceptedIdsFile",
                    "AdaptivePace",
                    "ApiKey",
                    "LanePacing",
                    "LoadReport",
                    "LoadRun",
                    "LoadSettings",
                    "Pacer",
                    "ResultFeed",
                    "TextSource",
                    "TextsClient"),
            "io.glossa.client.batch",
            Set.of(
                    "BatchException",
                    "BatchListener",
                    "BatchTally",
                    "InputLine",
                    "LineChunks",
                    "LocalBatch",
                    "PredictionJsonWriter",
                    "QueueBatch",
                    "Utf8LineReader"),
            "io.glossa.app",
            Set.of(
                    "AccessPolicy",
                    "ApiRoleSettings",
                    "BrokerSettings",
                    "FrontSettings",
                    "HttpSettings",
                    "MetricsEndpoint",
                    "ModelSource",
                    "Roles",
                    "Running",
                    "ServeSettings",
                    "StartupException",
                    "StopReason",
                    "TracingSettings",
                    "WorkerRoleSettings",
                    "WorkerSettings"),
            "io.glossa.cli",
            Set.of("BrokerOptions", "Main", "ServeCommand"));

    @ArchTest
    static void packagesAreUsedOnlyThroughTheirFace(JavaClasses imported) {
        FACES.forEach((pkg, face) -> {
            DescribedPredicate<JavaClass> behind = behindTheFace(pkg, face);
            classes()
                    .that(behind)
                    .should()
                    .onlyHaveDependentClassesThat()
                    .resideInAPackage(pkg)
                    .because("other packages use " + pkg + " through its face " + face)
                    .check(imported);
            classes()
                    .that(behind)
                    .and()
                    .areTopLevelClasses()
                    .should()
                    .notBePublic()
                    .because("only the face of " + pkg + " is public: " + face)
                    .check(imported);
        });
    }

    /** The classes of {@code pkg} outside its face, nested ones included. */
    private static DescribedPredicate<JavaClass> behindTheFace(String pkg, Set<String> face) {
        return DescribedPredicate.describe(
                "reside in " + pkg + " behind its face",
                c -> c.getPackageName().equals(pkg)
                        && !face.contains(
                                c.getName().substring(pkg.length() + 1).split("\\$", -1)[0]));
    }

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
