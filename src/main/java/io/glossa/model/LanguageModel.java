package io.glossa.model;

import io.glossa.features.BucketRows;
import io.glossa.features.FeatureScratch;
import io.glossa.features.FeatureVectorizer;
import io.glossa.text.NormalizedText;
import io.glossa.text.Scripts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded glossa model: immutable and safe to share between threads.
 *
 * <p>Two ways to classify: {@link #predict(CharSequence, int)} (convenient, allocates only its result) and the
 * allocation-free {@link #classify(CharSequence, float[], Scratch)} for hot loops, which needs one
 * {@link Scratch} per thread.
 */
public final class LanguageModel implements LanguageClassifier {
    /** What {@link #classify} returns when the answer is {@code unknown}. */
    public static final int UNKNOWN_INDEX = -1;

    public static final String DEFAULT_RESOURCE = "/io/glossa/model/default.glossa";

    private final ModelMetadata metadata;
    private final Head main;
    /** Scores texts of 1..{@link #shortTextWords} words; null when the model has no short-text head. */
    private final Head shortText;

    private final int shortTextWords;
    private final int labelCount;
    private final int minLetters;
    private final List<String> labels;
    /** The names shown with a prediction: today's (LanguageNames), not the ones written into the file at training. */
    private final List<LabelInfo> labelInfo;

    private final LabelDescriptions descriptions;
    /** Which labels a text's scripts allow, and where each label sits in a row. */
    private final ScriptPlan plan;

    /**
     * Per model, not static: a scratch is shaped by its model's labels. A subclass, not {@code withInitial(...)}: a
     * lambda's first use costs a cold model load milliseconds.
     */
    @SuppressWarnings("ThreadLocalUsage")
    private final ThreadLocal<Scratch> scratches = new ThreadLocal<>() {
        @Override
        protected Scratch initialValue() {
            return newScratch();
        }
    };

    /** Per-thread buffers for {@link #classify}. */
    public static final class Scratch {
        // package-private: the ScoringKernel fills them
        final FeatureScratch features = new FeatureScratch();
        final float[] scores;
        final float[] probabilities;
        final int[] sums;
        int[] rows = new int[512];
        float[] xs = new float[512];
        int[] xq = new int[512];
        private int letters;
        /** The unknown threshold of the head that scored the last text. */
        private float threshold;

        private Scratch(int labels, int sumsLength) {
            scores = new float[labels];
            probabilities = new float[labels];
            sums = new int[sumsLength];
        }

        void ensureFeatures(int n) {
            if (rows.length < n) {
                int size = Integer.highestOneBit(n) << 1;
                rows = new int[size];
                xs = new float[size];
                xq = new int[size];
            }
        }

        /** Letters in the last classified text (0 = nothing to classify). */
        public int letters() {
            return letters;
        }
    }

    /** One set of weights with what scores over it: a model has its main head and may have a short-text one. */
    private record Head(
            BucketRows packed,
            FeatureVectorizer vectorizer,
            ScoringKernel kernel,
            float[] bias,
            float unknownThreshold) {
        static Head of(ModelWeights w, ModelMetadata m, double temperature, double threshold, ScriptPlan plan) {
            BucketRows packed = BucketRows.pack(w.idf(), w.rowScale(), w.weights(), w.labels(), plan.slots());
            return new Head(
                    packed,
                    FeatureVectorizer.overRows(m.features(), packed),
                    new ScoringKernel(packed, w.bias(), temperature, plan),
                    w.bias(),
                    (float) threshold);
        }

        ModelWeights weights() {
            // unpacked on demand: keeping a second copy of the weights would double the model's heap
            return new ModelWeights(bias.length, packed.idfs(), packed.scales(), packed.payloads(), bias.clone());
        }
    }

    public LanguageModel(ModelMetadata metadata, ModelWeights weights) {
        this(metadata, weights, null);
    }

    /** A model and its short-text head's weights ({@code shortText} null when {@code metadata} describes none). */
    public LanguageModel(ModelMetadata metadata, ModelWeights weights, ModelWeights shortText) {
        if (metadata.labels().size() != weights.labels()) {
            throw new IllegalArgumentException(
                    "metadata has " + metadata.labels().size() + " labels, weights " + weights.labels());
        }
        if (!(metadata.temperature() > 0)) {
            throw new ModelFormatException(
                    "the model's calibration temperature must be > 0, got " + metadata.temperature());
        }
        ModelFile.Contents.requireHeadFits(metadata, weights, shortText);
        this.metadata = metadata;
        // loops, not streams or lambdas, on this path: on a cold JVM each costs a model load milliseconds
        List<LabelInfo> declared = metadata.labels();
        int[] scripts = new int[declared.size()];
        LabelInfo[] named = new LabelInfo[declared.size()];
        for (int k = 0; k < scripts.length; k++) {
            scripts[k] = Scripts.ofLanguage(declared.get(k).code());
            named[k] = declared.get(k).withCurrentNames();
        }
        this.plan = new ScriptPlan(scripts);
        ShortTextHead head = metadata.shortText();
        var packing = ParallelLoad.start(
                head != null, () -> Head.of(shortText, metadata, head.temperature(), head.unknownThreshold(), plan));
        this.main = Head.of(weights, metadata, metadata.temperature(), metadata.unknownThreshold(), plan);
        this.shortText = packing.join();
        this.shortTextWords = head == null ? 0 : head.maxWords();
        this.labelCount = weights.labels();
        this.minLetters = Math.max(1, metadata.minLetters());
        this.labelInfo = List.of(named);
        this.descriptions = new LabelDescriptions(labelInfo);
        this.labels = metadata.labelCodes();
    }

    // ---------------------------------------------------------------- loading

    public static LanguageModel load(Path file) {
        return of(ModelFile.read(file));
    }

    public static LanguageModel fromBytes(byte[] bytes) {
        return of(ModelFile.read("(bytes)", bytes));
    }

    /** The model shipped inside the jar. */
    public static LanguageModel loadDefault() {
        try (InputStream in = LanguageModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new ModelFormatException(
                        "the default model " + DEFAULT_RESOURCE + " is missing from the classpath — pass --model FILE");
            }
            return of(ModelFile.read("(built-in) " + DEFAULT_RESOURCE, in.readAllBytes(), ModelLimits.BUILT_IN));
        } catch (IOException e) {
            throw new ModelFormatException("cannot read the default model: " + e.getMessage(), e);
        }
    }

    public static LanguageModel of(ModelFile.Contents contents) {
        return new LanguageModel(contents.metadata(), contents.weights(), contents.shortText());
    }

    /** The bytes of this model in the file format (e.g. to store it in a registry). */
    public byte[] toBytes() {
        return ModelFile.toBytes(
                new ModelFile.Contents(metadata, main.weights(), shortText == null ? null : shortText.weights()));
    }

    // ---------------------------------------------------------------- classifying

    public Scratch newScratch() {
        return new Scratch(labelCount, main.kernel().sumsLength());
    }

    /**
     * Classifies without allocating: fills {@code probabilities} (length {@link #labelCount()}, calibrated, summing
     * to 1; all zero when the text has too few letters) and returns the index of the best label in
     * {@link #labels()}, or {@link #UNKNOWN_INDEX} when the text has too few letters or the best probability is
     * under the model's threshold.
     */
    public int classify(CharSequence text, float[] probabilities, Scratch scratch) {
        if (probabilities.length < labelCount || scratch.scores.length != labelCount) {
            throw new IllegalArgumentException("probabilities need " + labelCount
                    + " entries and the scratch must come from this model's newScratch()");
        }
        NormalizedText normalized = main.vectorizer().normalize(text, scratch.features);
        int letters = normalized.letters();
        scratch.letters = letters;
        if (letters < minLetters) {
            java.util.Arrays.fill(probabilities, 0, labelCount, 0f);
            return UNKNOWN_INDEX;
        }
        int mask = normalized.scripts();
        int single = plan.single(mask);
        if (single >= 0) { // one language is written in this script (Hebrew, Hindi, Korean, …): nothing to score
            java.util.Arrays.fill(probabilities, 0, labelCount, 0f);
            probabilities[single] = 1f;
            scratch.threshold = main.unknownThreshold();
            return probabilities[single] < scratch.threshold ? UNKNOWN_INDEX : single;
        }
        Head head = headFor(normalized);
        float norm = head.vectorizer().vectorizeUnnormalized(scratch.features);
        float[] scores = scratch.scores;
        head.kernel().score(scratch.features.counts(), norm, scores, scratch, mask, Float.NEGATIVE_INFINITY);
        int best = head.kernel().softmax(scores, probabilities);
        scratch.threshold = head.unknownThreshold();
        return probabilities[best] < scratch.threshold ? UNKNOWN_INDEX : best;
    }

    /** The short-text head for a text of a few words, when the model has one; else the main weights. */
    private Head headFor(NormalizedText normalized) {
        return shortText != null && normalized.hasWordsUpTo(shortTextWords) ? shortText : main;
    }

    /**
     * Raw (uncalibrated) linear scores, for calibration and diagnostics. Returns the letter count. Labels not
     * written in the text's scripts get 30 below the lowest allowed score (exactly 0 probability in classify):
     * finite, so a log-likelihood stays finite.
     */
    public int rawScores(CharSequence text, float[] scores, Scratch scratch) {
        NormalizedText normalized = main.vectorizer().normalize(text, scratch.features);
        Head head = headFor(normalized);
        float norm = head.vectorizer().vectorizeUnnormalized(scratch.features);
        head.kernel().score(scratch.features.counts(), norm, scores, scratch, normalized.scripts(), Float.NaN);
        return normalized.letters();
    }

    /**
     * Classifies {@code rounds} short texts made of the labels' own names (every script the model knows), so the JIT
     * compiles the hot path before real traffic arrives. Why: under full load on 2 cores the compiler threads starve;
     * a worker that started cold was seen scoring in the interpreter for over a minute.
     * Returns the number of texts classified as a known label, so the work cannot be optimised away.
     */
    public int warmUp(int rounds) {
        Scratch scratch = newScratch();
        float[] probabilities = new float[labelCount];
        String[] texts =
                labelInfo.stream().map(l -> l.nativeName() + " " + l.name()).toArray(String[]::new);
        int known = 0;
        for (int i = 0; i < rounds; i++) {
            if (classify(texts[i % texts.length], probabilities, scratch) != UNKNOWN_INDEX) {
                known++;
            }
        }
        return known;
    }

    @Override
    public Prediction predict(CharSequence text, int topK) {
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
        Scratch scratch = scratches.get();
        float[] probabilities = scratch.probabilities;
        int best = classify(text, probabilities, scratch);
        List<Candidate> top = scratch.letters < minLetters ? List.of() : descriptions.top(text, probabilities, topK);
        if (best == UNKNOWN_INDEX) {
            return LabelDescriptions.unknown(top.isEmpty() ? 0 : top.get(0).probability(), top);
        }
        return descriptions.known(best, text, probabilities[best], top);
    }

    @Override
    public Prediction predict(CharSequence text, int topK, List<String> languages) {
        if (languages.isEmpty()) {
            return predict(text, topK);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
        Scratch scratch = scratches.get();
        float[] probabilities = scratch.probabilities;
        classify(text, probabilities, scratch);
        // condition on the allowed labels: zero the others and scale the rest back to a sum of 1
        boolean[] allowed = new boolean[labelCount];
        for (String code : languages) {
            int index = labels.indexOf(code);
            if (index >= 0) {
                allowed[index] = true;
            }
        }
        float sum = 0;
        int best = UNKNOWN_INDEX;
        for (int k = 0; k < labelCount; k++) {
            if (!allowed[k]) {
                probabilities[k] = 0;
            } else {
                sum += probabilities[k];
                best = best < 0 || probabilities[k] > probabilities[best] ? k : best;
            }
        }
        if (scratch.letters < minLetters || best < 0 || sum <= 0) {
            return LabelDescriptions.unknown(0, List.of());
        }
        int allowedCount = 0;
        for (int k = 0; k < labelCount; k++) {
            probabilities[k] /= sum;
            allowedCount += allowed[k] ? 1 : 0;
        }
        List<Candidate> top = descriptions.top(text, probabilities, Math.min(topK, allowedCount));
        if (probabilities[best] < scratch.threshold) {
            return LabelDescriptions.unknown(probabilities[best], top);
        }
        return descriptions.known(best, text, probabilities[best], top);
    }

    // ---------------------------------------------------------------- describing

    @Override
    public String version() {
        return metadata.version();
    }

    /** Label codes, in the order of {@link #classify}'s indices and probabilities. */
    public List<String> labels() {
        return labels;
    }

    public int labelCount() {
        return labelCount;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /**
     * Which inner loop scores in this JVM: the Vector API kernel when it was started with {@code --add-modules
     * jdk.incubator.vector} on a CPU with 256-bit vectors or wider, else the scalar one. Both give the same answers.
     */
    public String scoringKernel() {
        return main.kernel().description();
    }
}
