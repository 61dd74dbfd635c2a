package io.glossa.app.training;

import io.glossa.corpus.BadLine;
import io.glossa.corpus.CorpusException;
import io.glossa.corpus.CorpusStats;
import io.glossa.corpus.LabeledText;
import io.glossa.corpus.TsvCorpusReader;
import io.glossa.features.FeatureParams;
import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFile;
import io.glossa.model.SearchSummary;
import io.glossa.model.TrainingFile;
import io.glossa.model.TrainingParams;
import io.glossa.pipeline.FeedbackSnapshot;
import io.glossa.training.DevSplit;
import io.glossa.training.ModelTrainer;
import io.glossa.training.RandomSearch;
import io.glossa.training.ShortTextHeadTrainer;
import io.glossa.training.TrainedModel;
import io.glossa.training.TrainingCorpus;
import io.glossa.training.TrainingProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trains a model: reads the files (telling {@code err} what each held and the first bad lines), adds the feedback
 * labels, runs the search (one line per trial on {@code out}), then fits the final model.
 */
public final class TrainingRun {
    private static final int SHOWN_BAD_LINES = 10;

    private final PrintWriter out;
    private final PrintWriter err;
    private final TrainingProgress progress;

    public TrainingRun(PrintWriter out, PrintWriter err, TrainingProgress progress) {
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    /** @throws CorpusException (a user error) if the files hold too many bad lines, nothing usable, or one label */
    public TrainedModel train(TrainingRequest request) {
        TrainingCorpus corpus = readCorpus(request);
        FeatureParams features = request.features();
        TrainingParams params = request.params();
        SearchSummary summary = null;
        if (request.search() > 0) {
            RandomSearch.Outcome outcome = search(corpus, request);
            summary = outcome.summary();
            features = outcome.best().features();
            params = outcome.best().training();
        }
        TrainedModel main = new ModelTrainer(request.threads(), progress).train(corpus, features, params, summary);
        if (request.shortTextFragments() == 0) {
            return main;
        }
        return new ShortTextHeadTrainer(request.threads(), progress).attach(corpus, main, request.shortTextFragments());
    }

    /** Writes the model and reads it back, so what is reported is what the file holds. */
    public static LanguageModel save(Path file, TrainedModel trained) throws IOException {
        ModelFile.write(file, trained.contents());
        return LanguageModel.load(file);
    }

    private TrainingCorpus readCorpus(TrainingRequest request) {
        int[] shown = {0};
        TsvCorpusReader reader = new TsvCorpusReader(request.badLines(), bad -> showBadLine(bad, shown));
        List<LabeledText> texts = new ArrayList<>();
        List<TrainingFile> files = new ArrayList<>();
        for (Path p : request.data()) {
            CorpusStats stats = reader.read(p, texts::add);
            files.add(new TrainingFile(
                    p.getFileName().toString(), stats.sha256(), stats.lines(), stats.goodLines(), stats.badLines()));
            err.printf(
                    Locale.ROOT,
                    "read %s: %,d lines, %,d bad, %d labels%n",
                    p,
                    stats.lines(),
                    stats.badLines(),
                    stats.linesPerLabel().size());
        }
        request.feedback().ifPresent(feedback -> addFeedback(feedback.get(), request.feedbackWeight(), texts, files));
        if (texts.isEmpty()) {
            throw new CorpusException("the training files hold no usable lines");
        }
        if (texts.stream().map(LabeledText::label).distinct().count() < 2) {
            throw new CorpusException("the training files hold only one label; a classifier needs at least two");
        }
        return new TrainingCorpus(texts, files);
    }

    /** Labels for a language the files do not have are left out: one text cannot make a language. */
    private void addFeedback(FeedbackSnapshot snapshot, int weight, List<LabeledText> texts, List<TrainingFile> files) {
        Set<String> known = new HashSet<>();
        texts.forEach(t -> known.add(t.label()));
        long used = 0;
        Map<String, Long> skipped = new TreeMap<>();
        for (LabeledText t : snapshot.labels().stream()
                .map(l -> new LabeledText(l.language(), l.text()))
                .toList()) {
            if (!known.contains(t.label())) {
                skipped.merge(t.label(), 1L, Long::sum);
                continue;
            }
            for (int i = 0; i < weight; i++) {
                texts.add(t);
            }
            used++;
        }
        long left = skipped.values().stream().mapToLong(Long::longValue).sum();
        files.add(provenance(snapshot, used, left));
        err.printf(
                Locale.ROOT,
                "read %s; training on %,d of them (x%d)%s%n",
                snapshot.describe(),
                used,
                weight,
                left == 0 ? "" : ", left out " + left + " with a language the training files do not have " + skipped);
        err.flush();
    }

    /**
     * The feedback as a model's provenance entry beside its training files: the name says what was read (rows, ids,
     * time range), the checksum is the snapshot's SHA-256, lines = rows read, used = texts trained on (times the
     * weight is not counted), bad = labels left out (a language the training files do not have).
     */
    private static TrainingFile provenance(FeedbackSnapshot feedback, long used, long skipped) {
        return new TrainingFile(feedback.describe(), feedback.sha256(), feedback.rows(), used, skipped);
    }

    private void showBadLine(BadLine bad, int[] shown) {
        if (shown[0] < SHOWN_BAD_LINES) {
            err.println("bad line " + bad);
        } else if (shown[0] == SHOWN_BAD_LINES) {
            err.println("(more bad lines not shown)");
        }
        shown[0]++;
        err.flush();
    }

    private RandomSearch.Outcome search(TrainingCorpus corpus, TrainingRequest request) {
        TrainingParams params = request.params();
        List<LabeledText> train = DevSplit.split(corpus.texts(), params.devFraction(), params.seed())
                .train();
        RandomSearch.Outcome outcome = new RandomSearch(request.threads(), progress)
                .run(
                        train,
                        corpus.labels(),
                        request.search(),
                        request.folds(),
                        request.seed(),
                        request.features(),
                        params,
                        trial -> {
                            out.printf(
                                    Locale.ROOT,
                                    "trial %d: cv %.4f (%.0f s) %s %s%n",
                                    trial.number(),
                                    trial.cvScore(),
                                    trial.seconds(),
                                    trial.features(),
                                    trial.training());
                            out.flush();
                        });
        out.printf(
                Locale.ROOT,
                "best: trial %d, cv %.4f: %s %s%n",
                outcome.best().number(),
                outcome.best().cvScore(),
                outcome.best().features(),
                outcome.best().training());
        out.flush();
        return outcome;
    }
}
