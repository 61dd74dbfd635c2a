package io.glossa.training;

import io.glossa.corpus.LabeledText;
import io.glossa.features.FeatureParams;
import io.glossa.model.DevScores;
import io.glossa.model.LabelInfo;
import io.glossa.model.LanguageModel;
import io.glossa.model.ModelFile;
import io.glossa.model.ModelMetadata;
import io.glossa.model.ModelWeights;
import io.glossa.model.SearchSummary;
import io.glossa.model.TrainingParams;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the model that goes into a file: split off a fixed-seed dev set, fit on the rest, quantise to int8,
 * then on dev (sentences and short fragments of them) fit the softmax temperature, choose the {@code unknown}
 * threshold and measure accuracy and calibration. The final model is the one fitted on the train part
 * (not refitted on train + dev), so the dev scores stored in it are honest scores of exactly these weights.
 */
public final class ModelTrainer {
    /** At most this share of dev (sentences and fragments alike) may fall under the unknown threshold. */
    static final double MAX_UNKNOWN_RATE = 0.005;
    /** The threshold never exceeds this, whatever the dev quantile says. */
    static final double MAX_THRESHOLD = 0.10;

    static final double NO_DEV_THRESHOLD = 0.05;
    static final int MIN_LETTERS = 1;
    static final int DEV_FRAGMENTS_PER_TEXT = 3;

    private final int threads;
    private final TrainingProgress progress;

    public ModelTrainer(int threads, TrainingProgress progress) {
        this.threads = threads;
        this.progress = progress == null ? s -> {} : progress;
    }

    public TrainedModel train(
            TrainingCorpus corpus, FeatureParams features, TrainingParams params, SearchSummary search) {
        long start = System.nanoTime();
        List<String> labels = corpus.labels();
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no training texts");
        }
        DevSplit.Split split = DevSplit.split(corpus.texts(), params.devFraction(), params.seed());
        progress.accept(String.format(
                java.util.Locale.ROOT,
                "%d texts, %d labels: %d for training, %d held out for dev",
                corpus.texts().size(),
                labels.size(),
                split.train().size(),
                split.dev().size()));
        WeightFitter.Fitted fitted = new WeightFitter(threads, progress).fit(split.train(), labels, features, params);
        ModelWeights quantized = ModelWeights.quantize(
                labels.size(),
                fitted.idf(),
                fitted.weights().weights(),
                fitted.weights().bias());
        List<LabelInfo> labelInfo = labels.stream().map(LabelInfo::of).toList();
        double seconds = (System.nanoTime() - start) / 1e9;
        ModelMetadata draft = new ModelMetadata(
                null,
                ModelFile.formatFor(null),
                glossaVersion(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                0,
                labelInfo,
                features,
                params,
                corpus.files(),
                fitted.examples(),
                seconds,
                search == null ? null : search.cvScore(),
                search,
                null,
                null,
                0,
                MIN_LETTERS,
                1.0,
                "int8 per bucket row with float scale; deflate",
                null,
                null);
        if (split.dev().isEmpty()) {
            return new TrainedModel(
                    withCalibration(draft, 1.0, NO_DEV_THRESHOLD, null, null, seconds, null), quantized);
        }
        return calibrate(draft, quantized, split.dev(), labels, params, start);
    }

    private TrainedModel calibrate(
            ModelMetadata draft,
            ModelWeights weights,
            List<LabeledText> dev,
            List<String> labels,
            TrainingParams params,
            long start) {
        LanguageModel uncalibrated = new LanguageModel(draft, weights);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        // Fragments with another seed than training's; a few per dev text are plenty to fit one temperature.
        WeightFitter.Examples fragments = WeightFitter.augment(
                dev,
                labels,
                new TrainingParams(1, 1, 0, DEV_FRAGMENTS_PER_TEXT, params.maxFragmentWords(), params.seed() + 1, 0, 1),
                false);
        DevSet sentences = DevSet.of(
                uncalibrated,
                dev.stream().map(LabeledText::text).toList(),
                dev.stream().mapToInt(t -> index.get(t.label())).toArray());
        DevSet shortTexts = DevSet.of(uncalibrated, fragments.texts(), fragments.targets());
        float[] offsets = PriorFit.fit(new DevSet[] {sentences.scorable(), shortTexts.scorable()}, labels.size());
        sentences.shift(offsets);
        shortTexts.shift(offsets);
        float[] bias = weights.bias().clone();
        Map<String, Double> priors = new java.util.TreeMap<>();
        for (int k = 0; k < bias.length; k++) {
            bias[k] += offsets[k];
            priors.put(labels.get(k), Math.round(offsets[k] * 1000) / 1000.0);
        }
        weights = new ModelWeights(weights.labels(), weights.idf(), weights.rowScale(), weights.weights(), bias);
        progress.accept("class priors (bias offsets fitted on dev): " + priors);
        DevSet all = DevSet.concat(sentences, shortTexts).scorable();
        double temperature = TemperatureScaling.fit(all.scores(), all.targets());
        float[] allMax = all.maxProbabilities(temperature);
        double threshold = Math.min(MAX_THRESHOLD, quantile(allMax, MAX_UNKNOWN_RATE));
        DevScores devScores = sentences.score(labels, temperature, threshold);
        DevScores fragmentScores = shortTexts.score(labels, temperature, threshold);
        progress.accept(String.format(
                java.util.Locale.ROOT,
                "calibration: temperature %.3f, unknown threshold %.4f",
                temperature,
                threshold));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new TrainedModel(
                withCalibration(draft, temperature, threshold, devScores, fragmentScores, seconds, priors), weights);
    }

    private static ModelMetadata withCalibration(
            ModelMetadata m,
            double temperature,
            double threshold,
            DevScores dev,
            DevScores devFragments,
            double seconds,
            Map<String, Double> priors) {
        return new ModelMetadata(
                m.version(),
                m.formatVersion(),
                m.glossaVersion(),
                m.createdAt(),
                m.sizeBytes(),
                m.labels(),
                m.features(),
                m.training(),
                m.trainingFiles(),
                m.trainingExamples(),
                seconds,
                m.cvScore(),
                m.search(),
                dev,
                devFragments,
                threshold,
                m.minLetters(),
                temperature,
                m.quantization(),
                priors,
                m.shortText());
    }

    static double quantile(float[] values, double q) {
        if (values.length == 0) {
            return 0;
        }
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.floor(q * (sorted.length - 1));
        return sorted[i];
    }

    static String glossaVersion() {
        String v = ModelTrainer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
