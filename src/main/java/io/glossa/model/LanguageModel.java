package io.glossa.model;

import io.glossa.features.BucketRows;
import io.glossa.features.FeatureCounts;
import io.glossa.features.FeatureScratch;
import io.glossa.features.FeatureVectorizer;
import io.glossa.text.NormalizedText;
import io.glossa.text.Scripts;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /**
     * The most the quantised feature weights of one text may add up to, so that times a stored weight (<= 255),
     * plus rounding, a lane's sum stays under 2^32. Short texts never come near it; without it, a long text of
     * many equally weighted features overflowed (test aLongTextOfManyEqualFeaturesDoesNotOverflowTheScores).
     */
    private static final double SUM_BUDGET = 16_000_000;
    /** Eight weights of a row at once; little-endian, so byte j of a row's word is its label 8q + j. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Bytes 0 and 4 of a word, each in its own 32-bit lane. */
    private static final long LANES = 0x0000_00FF_0000_00FFL;

    private final ModelMetadata metadata;
    private final FeatureVectorizer vectorizer;
    private final BucketRows packed;
    /** idf, scale and int8 weights of each bucket in one row (see BucketRows): what scoring reads. */
    private final byte[] table;
    private final int stride;
    private final float[] bias;
    private final int labelCount;
    private final float invTemperature;
    private final float unknownThreshold;
    private final int minLetters;
    private final List<String> labels;
    /** The names shown with a prediction: today's (LanguageNames), not the ones written into the file at training. */
    private final List<LabelInfo> labelInfo;
    /** The {@link Scripts} a label is written in. */
    private final int[] labelScripts;
    /** Per text script mask: the first and last+1 word of a row to score, and the only label allowed (or -1). */
    private final int[] planFirstWord = new int[Scripts.MASKS];
    private final int[] planEndWord = new int[Scripts.MASKS];
    private final int[] planSingle = new int[Scripts.MASKS];
    /** Per text script mask: the mask that labels are matched against ({@link Scripts#ALL}: every label). */
    private final int[] planMask = new int[Scripts.MASKS];
    /** Where label k's weight sits in a row. */
    private final int[] slot;
    private final ThreadLocal<Scratch> scratches = ThreadLocal.withInitial(this::newScratch);

    /** Per-thread buffers for {@link #classify}. */
    public static final class Scratch {
        private final FeatureScratch features = new FeatureScratch();
        private final float[] scores;
        private final float[] probabilities;
        private final long[] acc;
        private int[] rows = new int[512];
        private float[] xs = new float[512];
        private int[] xq = new int[512];
        private int letters;

        private Scratch(int labels) {
            scores = new float[labels];
            probabilities = new float[labels];
            acc = new long[BucketRows.paddedLength(labels) / 2];
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

    public LanguageModel(ModelMetadata metadata, ModelWeights weights) {
        if (metadata.labels().size() != weights.labels()) {
            throw new IllegalArgumentException("metadata has " + metadata.labels().size() + " labels, weights "
                    + weights.labels());
        }
        if (!(metadata.temperature() > 0)) {
            throw new ModelFormatException("the model's calibration temperature must be > 0, got "
                    + metadata.temperature());
        }
        this.metadata = metadata;
        this.labelScripts = metadata.labelCodes().stream().mapToInt(Scripts::ofLanguage).toArray();
        this.slot = slots(labelScripts);
        this.packed = BucketRows.pack(weights.idf(), weights.rowScale(), weights.weights(), weights.labels(), slot);
        this.vectorizer = FeatureVectorizer.overRows(metadata.features(), packed);
        this.table = packed.bytes();
        this.stride = packed.stride();
        this.bias = weights.bias();
        this.labelCount = weights.labels();
        this.invTemperature = (float) (1 / metadata.temperature());
        this.unknownThreshold = (float) metadata.unknownThreshold();
        this.minLetters = Math.max(1, metadata.minLetters());
        this.labelInfo = metadata.labels().stream().map(LabelInfo::withCurrentNames).toList();
        this.labels = metadata.labelCodes();
        for (int mask = 0; mask < Scripts.MASKS; mask++) {
            plan(mask);
        }
    }

    /**
     * Row positions that keep each script's labels together: Latin-only labels first, then those written in Latin
     * and Cyrillic (Serbian), then Cyrillic-only, then the rest by script. A Latin text then reads the first words of
     * a row only, a Cyrillic one mostly one word (BENCHMARKS.md, "Model").
     */
    private static int[] slots(int[] scripts) {
        Integer[] order = new Integer[scripts.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt((Integer k) -> group(scripts[k]))
                .thenComparingInt(k -> scripts[k]).thenComparingInt(k -> k));
        int[] slot = new int[scripts.length];
        for (int p = 0; p < order.length; p++) {
            slot[order[p]] = p;
        }
        return slot;
    }

    private static int group(int scripts) {
        if (scripts == Scripts.ALL) {
            return 4;
        }
        if (scripts == Scripts.LATIN) {
            return 0;
        }
        if (scripts == (Scripts.LATIN | Scripts.CYRILLIC)) {
            return 1;
        }
        return scripts == Scripts.CYRILLIC ? 2 : 3;
    }

    /**
     * Which labels a text whose letters are in the scripts {@code mask} may get: those written in one of them. A
     * letter of a script no label is written in, or no label matching at all, leaves every label in play.
     */
    private void plan(int mask) {
        int effective = mask;
        if ((mask & Scripts.OTHER) != 0 || mask == 0) {
            effective = Scripts.ALL;
        } else {
            boolean any = false;
            for (int s : labelScripts) {
                any |= (s & mask) != 0;
            }
            if (!any) {
                effective = Scripts.ALL;
            }
        }
        int first = Integer.MAX_VALUE;
        int end = 0;
        int single = -1;
        int allowed = 0;
        for (int k = 0; k < labelCount; k++) {
            if ((labelScripts[k] & effective) != 0) {
                first = Math.min(first, slot[k] / 8);
                end = Math.max(end, slot[k] / 8 + 1);
                single = k;
                allowed++;
            }
        }
        planMask[mask] = effective;
        planFirstWord[mask] = first;
        planEndWord[mask] = end;
        planSingle[mask] = allowed == 1 ? single : -1;
    }

    // ---------------------------------------------------------------- loading

    public static LanguageModel load(Path file) {
        ModelFile.Contents contents = ModelFile.read(file);
        return new LanguageModel(contents.metadata(), contents.weights());
    }

    public static LanguageModel fromBytes(byte[] bytes) {
        ModelFile.Contents contents = ModelFile.read("(bytes)", bytes);
        return new LanguageModel(contents.metadata(), contents.weights());
    }

    /** The model shipped inside the jar. */
    public static LanguageModel loadDefault() {
        try (InputStream in = LanguageModel.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new ModelFormatException("the default model " + DEFAULT_RESOURCE
                        + " is missing from the classpath — pass --model FILE");
            }
            ModelFile.Contents contents = ModelFile.read("(built-in) " + DEFAULT_RESOURCE, in.readAllBytes(),
                    ModelLimits.BUILT_IN);
            return new LanguageModel(contents.metadata(), contents.weights());
        } catch (IOException e) {
            throw new ModelFormatException("cannot read the default model: " + e.getMessage(), e);
        }
    }

    /** The bytes of this model in the file format (e.g. to store it in a registry). */
    public byte[] toBytes() {
        // unpacked on demand: keeping a second copy of the weights would double the model's heap
        return ModelFile.toBytes(metadata,
                new ModelWeights(labelCount, packed.idfs(), packed.scales(), packed.payloads(), bias.clone()));
    }

    // ---------------------------------------------------------------- classifying

    public Scratch newScratch() {
        return new Scratch(labelCount);
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
        NormalizedText normalized = vectorizer.normalize(text, scratch.features);
        int letters = normalized.letters();
        scratch.letters = letters;
        if (letters < minLetters) {
            java.util.Arrays.fill(probabilities, 0, labelCount, 0f);
            return UNKNOWN_INDEX;
        }
        int mask = normalized.scripts();
        int single = planSingle[mask];
        if (single >= 0) { // one language is written in this script (Hebrew, Hindi, Korean, …): nothing to score
            java.util.Arrays.fill(probabilities, 0, labelCount, 0f);
            probabilities[single] = 1f;
            return probabilities[single] < unknownThreshold ? UNKNOWN_INDEX : single;
        }
        vectorizer.vectorizeNormalized(scratch.features);
        float[] scores = scratch.scores;
        score(scratch.features.counts(), scores, scratch, mask, Float.NEGATIVE_INFINITY);
        int best = softmax(scores, probabilities);
        return probabilities[best] < unknownThreshold ? UNKNOWN_INDEX : best;
    }

    /**
     * Raw (uncalibrated) linear scores, for calibration and diagnostics. Returns the letter count. Labels not
     * written in the text's scripts get 30 below the lowest allowed score (exactly 0 probability in classify):
     * finite, so a log-likelihood stays finite.
     */
    public int rawScores(CharSequence text, float[] scores, Scratch scratch) {
        int letters = vectorizer.vectorize(text, scratch.features);
        score(scratch.features.counts(), scores, scratch, scratch.features.text().scripts(), Float.NaN);
        return letters;
    }

    /**
     * The linear scores (feature values already carry the row scales, see FeatureVectorizer). This is the hot loop
     * (most of classify), and Java 17's C2 does not vectorise it, so it does its own two-lane arithmetic: each
     * feature's weight x is quantised to at most 16 unsigned bits relative to the text's largest one; eight stored
     * weights (w + 128, unsigned bytes) are read as one long and split into four longs of two 32-bit lanes, so one
     * 64-bit multiply-add does two labels. Every term is non-negative and a lane's sum stays under 2^32 (see
     * SUM_BUDGET), so no lane carries into the next; {@code sum(x * w) = lane - 128 * sum(x)} exactly. Relative error
     * of a score is below 2^-15 of the largest feature weight (of the sum of all of them, for texts of thousands of
     * characters). Measured against one int multiply-add per label: BENCHMARKS.md, "Classification speed".
     */
    private void score(FeatureCounts features, float[] scores, Scratch scratch, int mask, float excluded) {
        int n = features.size();
        scratch.ensureFeatures(n);
        int[] rows = scratch.rows;
        float[] xs = scratch.xs;
        int m = 0;
        float max = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float x = features.valueAt(i);
            if (x > 0) { // weights are never negative (idf and scales are checked at load)
                rows[m] = features.keyAt(i) * stride + BucketRows.PAYLOAD_OFFSET;
                xs[m] = x;
                max = Math.max(max, x);
                sum += x;
                m++;
            }
        }
        if (m == 0) {
            java.util.Arrays.fill(scratch.acc, 0L);
            unpack(scratch.acc, 0, 0, scores, mask, excluded);
            return;
        }
        // 16 bits for the largest weight; fewer when the text is so long that a lane's sum could reach 2^32
        float inv = (float) Math.min(32767 / max, SUM_BUDGET / sum);
        int[] xq = scratch.xq;
        long xSum = 0;
        for (int i = 0; i < m; i++) {
            xq[i] = Math.round(xs[i] * inv);
            xSum += xq[i];
        }
        accumulate(rows, xq, m, scratch.acc, planFirstWord[mask], planEndWord[mask]);
        unpack(scratch.acc, xSum * BucketRows.WEIGHT_BIAS, 1 / inv, scores, mask, excluded);
    }

    /**
     * Two rows per pass, so each accumulator is loaded and stored once per two rows. Only words {@code from} to
     * {@code words - 1} of each row: those holding the labels written in the text's scripts.
     */
    private void accumulate(int[] rows, int[] xq, int m, long[] acc, int from, int words) {
        java.util.Arrays.fill(acc, 0L);
        byte[] w = table;
        int i = 0;
        for (; i + 1 < m; i += 2) {
            int b0 = rows[i];
            int b1 = rows[i + 1];
            long x0 = xq[i];
            long x1 = xq[i + 1];
            for (int q = from; q < words; q++) {
                long v0 = (long) WORDS.get(w, b0 + 8 * q);
                long v1 = (long) WORDS.get(w, b1 + 8 * q);
                int a = 4 * q;
                acc[a] += x0 * (v0 & LANES) + x1 * (v1 & LANES);
                acc[a + 1] += x0 * (v0 >>> 8 & LANES) + x1 * (v1 >>> 8 & LANES);
                acc[a + 2] += x0 * (v0 >>> 16 & LANES) + x1 * (v1 >>> 16 & LANES);
                acc[a + 3] += x0 * (v0 >>> 24 & LANES) + x1 * (v1 >>> 24 & LANES);
            }
        }
        if (i < m) {
            int b0 = rows[i];
            long x0 = xq[i];
            for (int q = from; q < words; q++) {
                long v0 = (long) WORDS.get(w, b0 + 8 * q);
                int a = 4 * q;
                acc[a] += x0 * (v0 & LANES);
                acc[a + 1] += x0 * (v0 >>> 8 & LANES);
                acc[a + 2] += x0 * (v0 >>> 16 & LANES);
                acc[a + 3] += x0 * (v0 >>> 24 & LANES);
            }
        }
    }

    /**
     * The label in row slot p = 8q + j sits in lane pair 4q + (j mod 4), low lane for j < 4, high lane otherwise.
     * Labels not written in the text's scripts get {@code excluded}, or with NaN 30 below the lowest allowed score.
     */
    private void unpack(long[] acc, long biasTimesX, float unit, float[] scores, int mask, float excluded) {
        int allowed = planMask[mask];
        float min = Float.POSITIVE_INFINITY;
        for (int k = 0; k < labelCount; k++) {
            if ((labelScripts[k] & allowed) == 0) {
                continue;
            }
            int p = slot[k];
            long pair = acc[4 * (p >> 3) + (p & 3)];
            long lane = (p & 4) == 0 ? pair & 0xFFFF_FFFFL : pair >>> 32;
            scores[k] = bias[k] + (lane - biasTimesX) * unit;
            min = Math.min(min, scores[k]);
        }
        float floor = Float.isNaN(excluded) ? min - 30 : excluded;
        for (int k = 0; k < labelCount; k++) {
            if ((labelScripts[k] & allowed) == 0) {
                scores[k] = floor;
            }
        }
    }

    private int softmax(float[] scores, float[] probabilities) {
        int c = labelCount;
        int best = 0;
        for (int k = 1; k < c; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        float max = scores[best];
        float sum = 0;
        for (int k = 0; k < c; k++) {
            float e = (float) Math.exp((scores[k] - max) * invTemperature);
            probabilities[k] = e;
            sum += e;
        }
        float inv = 1 / sum;
        for (int k = 0; k < c; k++) {
            probabilities[k] *= inv;
        }
        return best;
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
        String[] texts = labelInfo.stream().map(l -> l.nativeName() + " " + l.name()).toArray(String[]::new);
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
        List<Candidate> top = scratch.letters < minLetters ? List.of() : top(text, probabilities, topK);
        if (best == UNKNOWN_INDEX) {
            double p = top.isEmpty() ? 0 : top.get(0).probability();
            return new Prediction(Prediction.UNKNOWN, Prediction.UNKNOWN, Prediction.UNKNOWN, p, top);
        }
        LabelInfo info = labelInfo.get(best);
        return new Prediction(info.code(), info.name(), info.nativeNameFor(text), probabilities[best], top);
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
            return new Prediction(Prediction.UNKNOWN, Prediction.UNKNOWN, Prediction.UNKNOWN, 0, List.of());
        }
        int allowedCount = 0;
        for (int k = 0; k < labelCount; k++) {
            probabilities[k] /= sum;
            allowedCount += allowed[k] ? 1 : 0;
        }
        List<Candidate> top = top(text, probabilities, Math.min(topK, allowedCount));
        if (probabilities[best] < unknownThreshold) {
            return new Prediction(Prediction.UNKNOWN, Prediction.UNKNOWN, Prediction.UNKNOWN, probabilities[best], top);
        }
        LabelInfo info = labelInfo.get(best);
        return new Prediction(info.code(), info.name(), info.nativeNameFor(text), probabilities[best], top);
    }

    private List<Candidate> top(CharSequence text, float[] probabilities, int k) {
        int n = Math.min(k, labelCount);
        List<Candidate> out = new ArrayList<>(n);
        boolean[] taken = new boolean[labelCount];
        for (int r = 0; r < n; r++) {
            int best = -1;
            for (int c = 0; c < labelCount; c++) {
                if (!taken[c] && (best < 0 || probabilities[c] > probabilities[best])) {
                    best = c;
                }
            }
            taken[best] = true;
            LabelInfo info = labelInfo.get(best);
            out.add(new Candidate(info.code(), info.name(), info.nativeNameFor(text), probabilities[best]));
        }
        return out;
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
}
