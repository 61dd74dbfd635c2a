package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.registry.ModelEvent;
import io.glossa.registry.ModelRegistry;
import io.glossa.registry.ModelVerifier;
import io.glossa.registry.NewModel;
import io.glossa.store.Database;
import io.glossa.store.StoreSettings;
import io.glossa.testing.JarProcess;
import io.glossa.testing.TestModels;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, finding 4, with the packaged jar at -Xmx384m on both stores: a 1 MB model file declaring 2^22 buckets
 * × 256 labels (2.6 GB to load) was accepted by {@code models add}, and once active put a -Xmx512m serve into a
 * crash loop; a model knowing none of the smoke test's languages passed it having checked 0 sentences; and
 * {@code models list} showed only the score a file claims about itself.
 */
class ModelBombIT {
    private static final byte[] BOMB = TestModels.bomb(22, 256);

    @TempDir
    Path work;

    @Test
    void theEmbeddedStoreRefusesModelBombsAndShowsMeasuredScores() throws Exception {
        Path data = work.resolve("data");
        refuseAndMeasure(
                List.of("--data-dir", data.toString()), () -> Database.open(StoreSettings.embedded(data, 2)), true);
    }

    @Test
    void postgresRefusesModelBombsAndShowsMeasuredScores() throws Exception {
        try (ScratchBackends backends = new ScratchBackends()) {
            // what differs between the stores is storing and listing; a serve refusing the bomb is shown once above
            refuseAndMeasure(
                    List.of("--db-url", backends.dbUrl(), "--db-user", "postgres"),
                    () -> Database.open(new StoreSettings(backends.dbUrl(), "postgres", "", 2)),
                    false);
        }
    }

    private void refuseAndMeasure(List<String> store, Supplier<Database> database, boolean startServe)
            throws Exception {
        Path bomb = Files.write(work.resolve("bomb.glossa"), BOMB);
        Path three = Files.write(work.resolve("three.glossa"), TestModels.onlyLabels("en", "de", "fr"));
        Path good = Files.write(work.resolve("good.glossa"), TestModels.otherVersion("2027-01-01T00:00:00Z"));

        assertThat(glossa(store, "bomb", "models", "add", bomb.toString(), "--note", "bomb"))
                .contains("too large to load here")
                .contains("4194304 buckets × 256 labels")
                .doesNotContain("Exception");
        assertThat(glossa(store, "three", "models", "add", three.toString(), "--note", "three languages"))
                .contains("cannot be checked")
                .contains("knows 3 of");
        String claimed = String.format(
                java.util.Locale.ROOT,
                "%.4f",
                io.glossa.model.ModelFile.read("good", Files.readAllBytes(good))
                        .metadata()
                        .dev()
                        .macroAccuracy());
        // measured here on the same model, so the test follows the default model, not one figure of it
        String measured = String.format(
                java.util.Locale.ROOT,
                "%.4f",
                io.glossa.registry.CheckSentences.measure(
                                io.glossa.model.LanguageModel.fromBytes(Files.readAllBytes(good)))
                        .macroAccuracy());
        assertThat(glossa(store, "good", "models", "add", good.toString(), "--note", "good"))
                .contains("dev score claimed by the file " + claimed)
                .contains("measured on glossa's check sentences " + measured + " on 240 sentences in 38 languages");

        // a bomb that reached the registry some other way is refused by a serve that finds it active
        String bombVersion = plantActive(database, BOMB);
        if (startServe) {
            serveRefuses(store, bombVersion);
        }
        String list = glossa(store, "list", "models", "list");
        assertThat(list)
                .contains("CLAIMED", "MEASURED")
                .containsPattern(TestModels.version(TestModels.otherVersion("2027-01-01T00:00:00Z")) + " +"
                        + claimed.replace(".", "\\.") + " +" + measured.replace(".", "\\.") + " ")
                .containsPattern(bombVersion.replace(".", "\\.") + " +- +unloadable ");
        if (startServe) {
            assertThat(list)
                    .as("the serve's refusal, recorded")
                    .contains("refused:")
                    .contains(bombVersion + ": ");
        }
    }

    /** A serve that finds the bomb active starts anyway (on its own model) and does not run out of memory. */
    private void serveRefuses(List<String> store, String bombVersion) throws Exception {
        int port = PipelineKit.freePort();
        List<String> serve = new ArrayList<>(List.of(
                "serve", "--port", String.valueOf(port), "--amqp-port", String.valueOf(PipelineKit.freePort())));
        serve.addAll(store);
        if (store.contains("--db-url")) {
            serve.addAll(List.of("--data-dir", work.resolve("serve-data").toString())); // the embedded broker's
        }
        try (JarProcess process =
                JarProcess.start("serve", JarProcess.packagedJar(), work, Map.of(), serve.toArray(String[]::new))) {
            process.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/ready"), Duration.ofSeconds(120));
            assertThat(process.output()).doesNotContain("OutOfMemoryError").contains(bombVersion);
        }
    }

    /** Adds the file to the registry directly, past models add, and makes it the active version. */
    private static String plantActive(Supplier<Database> open, byte[] bytes) {
        String version = "2027-05-05."
                + HexFormat.of().toHexDigits(ByteBuffer.wrap(bytes).getInt(bytes.length - 4));
        try (Database database = open.get()) {
            ModelRegistry registry = database.modelRegistry(Clock.systemUTC());
            registry.add(new NewModel(version, ModelVerifier.sha256(bytes), bytes, "{}", null, "planted"));
            registry.record(ModelEvent.Action.ACTIVATE, version);
        }
        return version;
    }

    /** Runs a glossa command to its end in a -Xmx384m JVM and returns what it printed. */
    private String glossa(List<String> store, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(store);
        try (JarProcess process =
                JarProcess.start(name, JarProcess.packagedJar(), work, Map.of(), command.toArray(String[]::new))) {
            process.awaitExit(Duration.ofSeconds(120));
            return process.output();
        }
    }
}
