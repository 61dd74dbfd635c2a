package io.glossa.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.cli.Main;
import io.glossa.model.LanguageModel;
import io.glossa.model.TrainingFile;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.testing.SyntheticCorpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code glossa train --feedback} and {@code glossa evaluate --feedback} on feedback rows stored in a real database,
 * run unchanged against each backend. The corpus is the synthetic three-"language" one, so training takes a second.
 */
abstract class FeedbackCommandsKit {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Syllables none of the synthetic languages uses: texts of a class the corpus has never seen. */
    private static final String[] STRANGER = {"qu", "wy", "fez", "hob", "gij"};

    @TempDir
    Path dir;

    private Path corpus;
    private Path baseline;

    /** A fresh, empty database and the CLI options that reach it. */
    protected abstract StoreSettings freshDatabase() throws Exception;

    protected abstract List<String> storeArgs(StoreSettings settings);

    private StoreSettings settings;

    @BeforeEach
    void trainBaseline() throws Exception {
        settings = freshDatabase();
        corpus = dir.resolve("corpus.tsv");
        Files.writeString(corpus, SyntheticCorpus.toTsv(SyntheticCorpus.texts(200, 7)), StandardCharsets.UTF_8);
        baseline = dir.resolve("baseline.glossa");
        assertThat(train(baseline, false).exit()).isZero();
    }

    @Test
    void trainingOnFeedbackChangesThePredictionForTheFedBackClass() throws Exception {
        Random random = new Random(3);
        String probe = SyntheticCorpus.sentence(STRANGER, random);
        String before = LanguageModel.load(baseline).predict(probe, 1).language();
        String target = List.of("aa", "bb", "cc").stream()
                .filter(l -> !l.equals(before))
                .findFirst()
                .orElseThrow();
        List<String> fedBack = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            fedBack.add(SyntheticCorpus.sentence(STRANGER, random));
        }
        storeFeedback(fedBack, target);

        Path withFeedback = dir.resolve("feedback.glossa");
        Cli trained = train(withFeedback, true);

        assertThat(trained.exit()).as(trained.err()).isZero();
        assertThat(trained.err()).contains("training on 20 of them (x5)");
        LanguageModel model = LanguageModel.load(withFeedback);
        assertThat(model.predict(probe, 1).language()).isEqualTo(target).isNotEqualTo(before);
        TrainingFile provenance = model.metadata()
                .trainingFiles()
                .get(model.metadata().trainingFiles().size() - 1);
        assertThat(provenance.name()).startsWith("feedback: 20 labels for 20 texts, ids ");
        assertThat(provenance.sha256()).matches("[0-9a-f]{64}");
        assertThat(provenance.lines()).isEqualTo(20);
        assertThat(provenance.usedLines()).isEqualTo(20);
        assertThat(provenance.badLines()).isZero();
    }

    @Test
    void evaluatingOnFeedbackScoresTheNewestLabelPerText() throws Exception {
        Random random = new Random(11);
        List<String> aa = sentences("aa", 3, random);
        List<String> bb = sentences("bb", 1, random);
        List<String> cc = sentences("cc", 3, random);
        LanguageModel model = LanguageModel.load(baseline);
        // the hand computation below assumes the model gets every one of these right by its syllables
        aa.forEach(t -> assertThat(model.predict(t, 1).language()).isEqualTo("aa"));
        bb.forEach(t -> assertThat(model.predict(t, 1).language()).isEqualTo("bb"));
        cc.forEach(t -> assertThat(model.predict(t, 1).language()).isEqualTo("cc"));

        try (JdbcTextStore store = JdbcTextStore.open(settings)) {
            JdbcFeedback feedback = new JdbcFeedback(store.database(), Clock.systemUTC());
            List<Job> jobs = store.accept(
                    List.of(aa.get(0), aa.get(1), aa.get(2), bb.get(0), cc.get(0), cc.get(1), cc.get(2)),
                    Lane.REALTIME);
            for (int i = 0; i < 3; i++) {
                feedback.add(jobs.get(i).id(), "aa"); // right
            }
            feedback.add(jobs.get(3).id(), "aa"); // a bb text labelled aa: the model's "bb" counts as wrong
            feedback.add(jobs.get(4).id(), "cc");
            feedback.add(jobs.get(5).id(), "cc");
            feedback.add(jobs.get(6).id(), "bb"); // replaced by the newer label below
            feedback.add(jobs.get(6).id(), "cc");
        }
        Cli evaluated = cli(List.of("evaluate", "--model", baseline.toString(), "--feedback", "--json"));

        assertThat(evaluated.exit()).as(evaluated.err()).isZero();
        JsonNode report = JSON.readTree(evaluated.out());
        // aa: 3 of 4 right, cc: 3 of 3 right → micro 6/7, macro (0.75 + 1) / 2
        assertThat(report.get("n").asInt()).isEqualTo(7);
        assertThat(report.get("correct").asInt()).isEqualTo(6);
        assertThat(report.get("micro_accuracy").asDouble()).isEqualTo(6.0 / 7.0);
        assertThat(report.get("macro_accuracy").asDouble()).isEqualTo(0.875);
        assertThat(report.get("per_label").get("aa").asDouble()).isEqualTo(0.75);
        assertThat(report.get("per_label").get("cc").asDouble()).isEqualTo(1.0);
        assertThat(report.get("data").asText()).startsWith("feedback: 8 labels for 7 texts, ids ");
    }

    @Test
    void evaluateWithoutAnyFeedbackSaysSo() {
        Cli evaluated = cli(List.of("evaluate", "--model", baseline.toString(), "--feedback"));
        assertThat(evaluated.exit()).isEqualTo(1);
        assertThat(evaluated.err().strip())
                .isEqualTo("glossa evaluate: feedback: no labels: no labelled texts to evaluate");
    }

    private static List<String> sentences(String label, int count, Random random) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(SyntheticCorpus.sentence(SyntheticCorpus.SYLLABLES.get(label), random));
        }
        return out;
    }

    private void storeFeedback(List<String> texts, String language) {
        try (JdbcTextStore store = JdbcTextStore.open(settings)) {
            JdbcFeedback feedback = new JdbcFeedback(store.database(), Clock.systemUTC());
            for (Job job : store.accept(texts, Lane.REALTIME)) {
                feedback.add(job.id(), language);
            }
        }
    }

    private Cli train(Path out, boolean withFeedback) {
        List<String> args = new ArrayList<>(List.of(
                "train",
                "--data",
                corpus.toString(),
                "--out",
                out.toString(),
                "--bits",
                "12",
                "--max-n",
                "3",
                "--epochs",
                "3",
                "--learning-rate",
                "0.3",
                "--fragments",
                "1",
                "--max-fragment-words",
                "2",
                "--seed",
                "1",
                "--dev-fraction",
                "0.2",
                "--threads",
                "1"));
        if (withFeedback) {
            args.add("--feedback");
        }
        return cli(args);
    }

    private Cli cli(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(storeArgs(settings));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = cmd.execute(all.toArray(String[]::new));
        return new Cli(exit, out.toString(), err.toString());
    }

    private record Cli(int exit, String out, String err) {}
}
