package io.glossa.bench;

import io.glossa.features.FeatureScratch;
import io.glossa.features.FeatureVectorizer;
import io.glossa.model.LanguageModel;
import io.glossa.model.Prediction;
import io.glossa.text.NormalizedText;
import io.glossa.text.TextNormalizer;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread classification throughput (texts per second; one op = one text), cycling through 4096 real
 * texts so branch and cache behaviour resemble real traffic. The baselines over the same texts give a yardstick
 * measured in the same run, which matters on a noisy shared machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifyBenchmark {
    private static final int MASK = BenchTexts.COUNT - 1;

    private LanguageModel model;
    private String[] shortTexts;
    private String[] sentences;
    private float[] probabilities;
    private LanguageModel.Scratch scratch;
    private NormalizedText normalized;
    private FeatureVectorizer features;
    private FeatureScratch featureScratch;
    private int next;

    @Setup
    public void setUp() {
        model = BenchModel.load();
        shortTexts = BenchTexts.shortTexts();
        sentences = BenchTexts.sentences();
        probabilities = new float[model.labelCount()];
        scratch = model.newScratch();
        normalized = new NormalizedText();
        // The model's own n-gram parameters; no idf (the model keeps it private), which costs about the same.
        features = new FeatureVectorizer(model.metadata().features(), null);
        featureScratch = new FeatureScratch();
    }

    private String nextOf(String[] texts) {
        next = (next + 1) & MASK;
        return texts[next];
    }

    @Benchmark
    public Prediction predictShort() {
        return model.predict(nextOf(shortTexts), 1);
    }

    @Benchmark
    public Prediction predictSentence() {
        return model.predict(nextOf(sentences), 1);
    }

    /** The allocation-free path the workers use. */
    @Benchmark
    public int classifyShort() {
        return model.classify(nextOf(shortTexts), probabilities, scratch);
    }

    @Benchmark
    public int classifySentence() {
        return model.classify(nextOf(sentences), probabilities, scratch);
    }

    /** Baseline: only the Unicode normalisation every classification starts with. */
    @Benchmark
    public int baselineNormalizeShort() {
        return normalizedLength(nextOf(shortTexts));
    }

    /** Baseline: normalisation plus n-gram hashing and weighting, i.e. classification without the weights. */
    @Benchmark
    public int baselineFeaturesShort() {
        return features.vectorize(nextOf(shortTexts), featureScratch);
    }

    /** The sentence baselines split classifySentence into stages: normalise, then hash and count, then the model. */
    @Benchmark
    public int baselineNormalizeSentence() {
        return normalizedLength(nextOf(sentences));
    }

    private int normalizedLength(String text) {
        TextNormalizer.normalize(text, normalized);
        return normalized.length();
    }

    @Benchmark
    public int baselineFeaturesSentence() {
        return features.vectorize(nextOf(sentences), featureScratch);
    }

    /**
     * Baseline: one pass over the characters (a String hash computed by hand, because String.hashCode()
     * is cached after the first call and would measure nothing).
     */
    @Benchmark
    public int baselineCharHashShort() {
        String s = nextOf(shortTexts);
        int h = 0;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
