package io.glossa.cli;

import io.glossa.app.training.TrainingRequest;
import io.glossa.app.training.TrainingRun;
import io.glossa.corpus.BadLinePolicy;
import io.glossa.features.FeatureParams;
import io.glossa.model.DevScores;
import io.glossa.model.LanguageModel;
import io.glossa.model.TrainingParams;
import io.glossa.training.TrainedModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glossa train}: learn a model from labelled TSV files, optionally choosing parameters by search. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train a language model from <label>TAB<text> files.",
            "Holds out a fixed-seed dev split (per label) for calibration and scores; "
                    + "--search N runs a randomized search with K-fold cross-validation first.",
            "--feedback adds the labels users gave in the UI/API (read from the store: --data-dir or --db-url), "
                    + "the newest per text, each --feedback-weight times; the model's provenance records them "
                    + "(count, ids, time range, SHA-256)."
        })
final class TrainCommand implements Callable<Integer> {
    /** Each fragment is a training example held in memory: 200 per text is four times the built-in model's. */
    static final int MAX_SHORT_TEXT_FRAGMENTS = 200;

    @Option(
            names = "--data",
            required = true,
            arity = "1..*",
            paramLabel = "FILE",
            description = "Training files (TSV: label, tab, text; UTF-8).")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model.")
    Path out;

    @Option(
            names = "--feedback",
            description = "Also train on the stored feedback labels (needs the store: --data-dir or --db-url).")
    boolean feedback;

    @Option(
            names = "--feedback-weight",
            defaultValue = "5",
            paramLabel = "W",
            description = "How many times each feedback text is used, so that a few corrections can outweigh the "
                    + "corpus (default ${DEFAULT-VALUE}).")
    int feedbackWeight;

    @Mixin
    StoreOptions store;

    @Option(
            names = "--search",
            defaultValue = "0",
            paramLabel = "N",
            description = "Randomized search trials (0 = train with the given parameters; default ${DEFAULT-VALUE}).")
    int search;

    @Option(
            names = "--folds",
            defaultValue = "3",
            paramLabel = "K",
            description = "Cross-validation folds per search trial (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(
            names = "--seed",
            defaultValue = "42",
            paramLabel = "S",
            description = "Seed of the dev split, augmentation, shuffling and search (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--dev-fraction",
            defaultValue = "0.1",
            paramLabel = "F",
            description = "Share of each label held out as dev (default ${DEFAULT-VALUE}).")
    double devFraction;

    @Option(
            names = "--threads",
            defaultValue = "2",
            paramLabel = "T",
            description = "Threads for features and cross-validation folds (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--bits", paramLabel = "B", description = "Hash buckets 2^B (default 17).")
    Integer bits;

    @Option(names = "--max-n", paramLabel = "N", description = "Longest character n-gram (default 5).")
    Integer maxN;

    @Option(names = "--no-words", description = "No whole-word features.")
    boolean noWords;

    @Option(names = "--epochs", paramLabel = "E", description = "SGD epochs (default 5).")
    Integer epochs;

    @Option(names = "--learning-rate", paramLabel = "R", description = "AdaGrad step (default 0.2).")
    Double learningRate;

    @Option(names = "--l2", paramLabel = "L", description = "L2 penalty (default 1e-6).")
    Double l2;

    @Option(names = "--fragments", paramLabel = "K", description = "Short fragments cut from each text (default 10).")
    Integer fragments;

    @Option(names = "--max-fragment-words", paramLabel = "W", description = "Longest fragment in words (default 3).")
    Integer maxFragmentWords;

    @Option(
            names = "--text-weight",
            paramLabel = "X",
            description = "Loss weight of a whole training text against one of its fragments (default 1; at most 100).")
    Double textWeight;

    @Option(
            names = "--short-text-fragments",
            defaultValue = "0",
            paramLabel = "K",
            description = "Also fit a short-text head for texts of a few words, on K one-word fragments per text "
                    + "(0, the default: none; the built-in model uses 50). Doubles the model's size.")
    int shortTextFragments;

    @Option(
            names = "--max-bad-lines",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Stop when a file has more bad lines than this (default ${DEFAULT-VALUE}).")
    long maxBadLines;

    @Option(
            names = "--max-bad-fraction",
            defaultValue = "0.01",
            paramLabel = "F",
            description = "Stop when more than this share of a file's lines is bad (default ${DEFAULT-VALUE}).")
    double maxBadFraction;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        TrainProgress progress = TrainProgress.forStderr(err);
        TrainingRequest request = new TrainingRequest(
                data,
                new BadLinePolicy(maxBadLines, maxBadFraction),
                feedback ? Optional.of(() -> StoredFeedback.read(store)) : Optional.empty(),
                feedbackWeight,
                search,
                folds,
                seed,
                threads,
                features(),
                trainingParams(),
                shortTextFragments);
        TrainedModel trained = new TrainingRun(spec.commandLine().getOut(), err, progress).train(request);
        progress.close();
        report(TrainingRun.save(out, trained));
        return ExitCodes.OK;
    }

    private void validate() {
        if (search < 0) {
            throw new UserError("--search must be >= 0, got " + search);
        }
        if (search > 0 && folds < 2) {
            throw new UserError("--folds must be >= 2, got " + folds);
        }
        if (threads < 1) {
            throw new UserError("--threads must be >= 1, got " + threads);
        }
        if (feedbackWeight < 1) {
            throw new UserError("--feedback-weight must be >= 1, got " + feedbackWeight);
        }
        if (shortTextFragments < 0 || shortTextFragments > MAX_SHORT_TEXT_FRAGMENTS) {
            throw new UserError(
                    "--short-text-fragments must be 0 to " + MAX_SHORT_TEXT_FRAGMENTS + ", got " + shortTextFragments);
        }
        if (shortTextFragments > 0 && devFraction == 0) {
            throw new UserError("--short-text-fragments needs a dev split to choose which texts the head takes: "
                    + "give --dev-fraction above 0");
        }
        if (maxBadFraction < 0 || maxBadFraction > 1 || maxBadLines < 0) {
            throw new UserError("--max-bad-fraction must be in [0, 1] and --max-bad-lines >= 0");
        }
        for (Path p : data) {
            if (!Files.isRegularFile(p)) {
                throw new UserError("training file not found: " + p);
            }
        }
        if (Files.isDirectory(out)) {
            throw new UserError("--out " + out + " is a directory; give a file name");
        }
    }

    private FeatureParams features() {
        FeatureParams d = FeatureParams.DEFAULT;
        try {
            return new FeatureParams(
                    bits != null ? bits : d.bits(),
                    d.minN(),
                    maxN != null ? maxN : d.maxN(),
                    !noWords && d.wordFeatures());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private TrainingParams trainingParams() {
        TrainingParams d = TrainingParams.DEFAULT;
        try {
            return new TrainingParams(
                    epochs != null ? epochs : d.epochs(),
                    learningRate != null ? learningRate : d.learningRate(),
                    l2 != null ? l2 : d.l2(),
                    fragments != null ? fragments : d.fragmentsPerText(),
                    maxFragmentWords != null ? maxFragmentWords : d.maxFragmentWords(),
                    seed,
                    devFraction,
                    textWeight != null ? textWeight : d.textWeight());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private void report(LanguageModel model) {
        PrintWriter o = spec.commandLine().getOut();
        var m = model.metadata();
        o.printf(
                Locale.ROOT,
                "wrote %s: %,d bytes, version %s, %d labels, trained in %.1f s%n",
                out,
                m.sizeBytes(),
                m.version(),
                m.labels().size(),
                m.trainingSeconds());
        printScores(o, "dev", m.dev());
        printScores(o, "dev fragments", m.devFragments());
        if (m.shortText() != null) {
            InfoCommand.printShortText(o, m.shortText());
        }
        if (m.dev() != null) {
            StringBuilder line = new StringBuilder("dev per label:");
            m.dev().perLabel().forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.3f", k, v)));
            o.println(line);
        }
        o.flush();
    }

    private static void printScores(PrintWriter o, String name, DevScores s) {
        if (s != null) {
            o.printf(
                    Locale.ROOT,
                    "%s: macro accuracy %.4f, micro %.4f, ECE %.4f, unknown %.2f%% (n=%,d)%n",
                    name,
                    s.macroAccuracy(),
                    s.microAccuracy(),
                    s.ece(),
                    100 * s.unknownRate(),
                    s.n());
        }
    }
}
