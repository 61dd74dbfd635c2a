package io.glossa.cli;

import io.glossa.corpus.BadLine;
import io.glossa.corpus.BadLinePolicy;
import io.glossa.corpus.CorpusStats;
import io.glossa.corpus.LabeledText;
import io.glossa.corpus.TsvCorpusReader;
import io.glossa.features.FeatureParams;
import io.glossa.model.DevScores;
import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFile;
import io.glossa.model.SearchSummary;
import io.glossa.model.TrainingFile;
import io.glossa.model.TrainingParams;
import io.glossa.pipeline.FeedbackSnapshot;
import io.glossa.training.DevSplit;
import io.glossa.training.ModelTrainer;
import io.glossa.training.RandomSearch;
import io.glossa.training.TrainedModel;
import io.glossa.training.TrainingCorpus;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code glossa train}: learn a model from labelled TSV files, optionally choosing parameters by search. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a language model from <label>TAB<text> files.",
                "Holds out a fixed-seed dev split (per label) for calibration and scores; "
                        + "--search N runs a randomized search with K-fold cross-validation first.",
                "--feedback adds the labels users gave in the UI/API (read from the store: --data-dir or --db-url), "
                        + "the newest per text, each --feedback-weight times; the model's provenance records them "
                        + "(count, ids, time range, SHA-256)."})
public final class TrainCommand implements Callable<Integer> {
    private static final int SHOWN_BAD_LINES = 10;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Training files (TSV: label, tab, text; UTF-8).")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to write the model.")
    Path out;

    @Option(names = "--feedback",
            description = "Also train on the stored feedback labels (needs the store: --data-dir or --db-url).")
    boolean feedback;

    @Option(names = "--feedback-weight", defaultValue = "5", paramLabel = "W",
            description = "How many times each feedback text is used, so that a few corrections can outweigh the "
                    + "corpus (default ${DEFAULT-VALUE}).")
    int feedbackWeight;

    @Mixin
    StoreOptions store;

    @Option(names = "--search", defaultValue = "0", paramLabel = "N",
            description = "Randomized search trials (0 = train with the given parameters; default ${DEFAULT-VALUE}).")
    int search;

    @Option(names = "--folds", defaultValue = "3", paramLabel = "K",
            description = "Cross-validation folds per search trial (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Seed of the dev split, augmentation, shuffling and search (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dev-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Share of each label held out as dev (default ${DEFAULT-VALUE}).")
    double devFraction;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "T",
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

    @Option(names = "--max-bad-lines", defaultValue = "1000", paramLabel = "N",
            description = "Stop when a file has more bad lines than this (default ${DEFAULT-VALUE}).")
    long maxBadLines;

    @Option(names = "--max-bad-fraction", defaultValue = "0.01", paramLabel = "F",
            description = "Stop when more than this share of a file's lines is bad (default ${DEFAULT-VALUE}).")
    double maxBadFraction;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        validate();
        PrintWriter err = spec.commandLine().getErr();
        TrainProgress progress = TrainProgress.forStderr(err);
        TrainingCorpus corpus = readCorpus(err);
        FeatureParams features = features();
        TrainingParams params = trainingParams();
        SearchSummary summary = null;
        if (search > 0) {
            RandomSearch.Outcome outcome = runSearch(corpus, features, params, progress);
            summary = outcome.summary();
            features = outcome.best().features();
            params = outcome.best().training();
        }
        TrainedModel trained = new ModelTrainer(threads, progress).train(corpus, features, params, summary);
        progress.close();
        ModelFile.write(out, trained.metadata(), trained.weights());
        LanguageModel written = LanguageModel.load(out);
        report(written);
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

    private TrainingCorpus readCorpus(PrintWriter err) {
        int[] shown = {0};
        TsvCorpusReader reader = new TsvCorpusReader(new BadLinePolicy(maxBadLines, maxBadFraction),
                bad -> showBadLine(err, bad, shown));
        List<LabeledText> texts = new ArrayList<>();
        List<TrainingFile> files = new ArrayList<>();
        for (Path p : data) {
            CorpusStats stats = reader.read(p, texts::add);
            files.add(new TrainingFile(p.getFileName().toString(), stats.sha256(), stats.lines(), stats.goodLines(),
                    stats.badLines()));
            err.printf(Locale.ROOT, "read %s: %,d lines, %,d bad, %d labels%n", p, stats.lines(), stats.badLines(),
                    stats.linesPerLabel().size());
        }
        if (feedback) {
            addFeedback(texts, files, err);
        }
        if (texts.isEmpty()) {
            throw new UserError("the training files hold no usable lines");
        }
        if (texts.stream().map(LabeledText::label).distinct().count() < 2) {
            throw new UserError("the training files hold only one label; a classifier needs at least two");
        }
        return new TrainingCorpus(texts, files);
    }

    /** Labels for a language the files do not have are left out: one text cannot make a language. */
    private void addFeedback(List<LabeledText> texts, List<TrainingFile> files, PrintWriter err) {
        FeedbackSnapshot snapshot = StoredFeedback.read(store);
        java.util.Set<String> known = new java.util.HashSet<>();
        texts.forEach(t -> known.add(t.label()));
        long used = 0;
        java.util.Map<String, Long> skipped = new java.util.TreeMap<>();
        for (LabeledText t : StoredFeedback.texts(snapshot.labels())) {
            if (!known.contains(t.label())) {
                skipped.merge(t.label(), 1L, Long::sum);
                continue;
            }
            for (int i = 0; i < feedbackWeight; i++) {
                texts.add(t);
            }
            used++;
        }
        long left = skipped.values().stream().mapToLong(Long::longValue).sum();
        files.add(StoredFeedback.provenance(snapshot, used, left));
        err.printf(Locale.ROOT, "read %s; training on %,d of them (x%d)%s%n", snapshot.describe(), used, feedbackWeight,
                left == 0 ? "" : ", left out " + left + " with a language the training files do not have " + skipped);
        err.flush();
    }

    private static void showBadLine(PrintWriter err, BadLine bad, int[] shown) {
        if (shown[0] < SHOWN_BAD_LINES) {
            err.println("bad line " + bad);
        } else if (shown[0] == SHOWN_BAD_LINES) {
            err.println("(more bad lines not shown)");
        }
        shown[0]++;
        err.flush();
    }

    private RandomSearch.Outcome runSearch(TrainingCorpus corpus, FeatureParams features, TrainingParams params,
                                           Consumer<String> progress) {
        PrintWriter out = spec.commandLine().getOut();
        List<LabeledText> train = DevSplit.split(corpus.texts(), params.devFraction(), params.seed()).train();
        RandomSearch.Outcome outcome = new RandomSearch(threads, progress).run(train, corpus.labels(), search, folds,
                seed, features, params, trial -> {
                    out.printf(Locale.ROOT, "trial %d: cv %.4f (%.0f s) %s %s%n", trial.number(), trial.cvScore(),
                            trial.seconds(), trial.features(), trial.training());
                    out.flush();
                });
        out.printf(Locale.ROOT, "best: trial %d, cv %.4f: %s %s%n", outcome.best().number(),
                outcome.best().cvScore(), outcome.best().features(), outcome.best().training());
        out.flush();
        return outcome;
    }

    private FeatureParams features() {
        FeatureParams d = FeatureParams.DEFAULT;
        try {
            return new FeatureParams(bits != null ? bits : d.bits(), d.minN(), maxN != null ? maxN : d.maxN(),
                    !noWords && d.wordFeatures());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private TrainingParams trainingParams() {
        TrainingParams d = TrainingParams.DEFAULT;
        try {
            return new TrainingParams(epochs != null ? epochs : d.epochs(),
                    learningRate != null ? learningRate : d.learningRate(), l2 != null ? l2 : d.l2(),
                    fragments != null ? fragments : d.fragmentsPerText(),
                    maxFragmentWords != null ? maxFragmentWords : d.maxFragmentWords(), seed, devFraction);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    private void report(LanguageModel model) {
        PrintWriter o = spec.commandLine().getOut();
        var m = model.metadata();
        o.printf(Locale.ROOT, "wrote %s: %,d bytes, version %s, %d labels, trained in %.1f s%n", out,
                m.sizeBytes(), m.version(), m.labels().size(), m.trainingSeconds());
        printScores(o, "dev", m.dev());
        printScores(o, "dev fragments", m.devFragments());
        if (m.dev() != null) {
            StringBuilder line = new StringBuilder("dev per label:");
            m.dev().perLabel().forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.3f", k, v)));
            o.println(line);
        }
        o.flush();
    }

    private static void printScores(PrintWriter o, String name, DevScores s) {
        if (s != null) {
            o.printf(Locale.ROOT, "%s: macro accuracy %.4f, micro %.4f, ECE %.4f, unknown %.2f%% (n=%,d)%n", name,
                    s.macroAccuracy(), s.microAccuracy(), s.ece(), 100 * s.unknownRate(), s.n());
        }
    }
}
