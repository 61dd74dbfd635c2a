package io.glossa.bench;

import io.glossa.features.FeatureScratch;
import io.glossa.features.FeatureVectorizer;
import io.glossa.model.LanguageModel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Single-thread throughput per second of this thread's CPU time, next to wall-clock throughput. On a machine
 * shared with other busy processes, wall-clock numbers mostly measure how often the scheduler lets the thread
 * run; CPU time removes that (cache and memory-bandwidth contention remain). Not a replacement for the JMH
 * numbers, a second view of them. Run:
 * {@code java -cp target/benchmarks.jar io.glossa.bench.CpuThroughput [rounds] [secondsPerRound]}.
 */
public final class CpuThroughput {
    private static volatile int sink;

    private CpuThroughput() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        LanguageModel model = BenchModel.load();
        String[] shortTexts = BenchTexts.shortTexts();
        String[] sentences = BenchTexts.sentences();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        measureFeatures(model, shortTexts, threads, rounds, seconds);
        measure("classifyShort", model, shortTexts, false, threads, rounds, seconds);
        measure("classifySentence", model, sentences, false, threads, rounds, seconds);
        measure("predictShort", model, shortTexts, true, threads, rounds, seconds);
        measure("predictSentence", model, sentences, true, threads, rounds, seconds);
    }

    private static void measure(String name, LanguageModel model, String[] texts, boolean predict,
                                ThreadMXBean threads, int rounds, double seconds) {
        float[] probabilities = new float[model.labelCount()];
        LanguageModel.Scratch scratch = model.newScratch();
        run(model, texts, predict, probabilities, scratch, threads, 3 * seconds); // warm-up: JIT
        double[] perCpuSecond = new double[rounds];
        double[] perWallSecond = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double[] result = run(model, texts, predict, probabilities, scratch, threads, seconds);
            perCpuSecond[r] = result[0];
            perWallSecond[r] = result[1];
        }
        Arrays.sort(perCpuSecond);
        Arrays.sort(perWallSecond);
        System.out.printf(Locale.ROOT, "%-17s median %,10.0f texts per CPU-second (min %,.0f, max %,.0f); "
                        + "median %,10.0f texts per wall-second%n", name, perCpuSecond[rounds / 2], perCpuSecond[0],
                perCpuSecond[rounds - 1], perWallSecond[rounds / 2]);
    }

    /** Features only (normalise, hash, weigh): how much of classification is spent before the weights. */
    private static void measureFeatures(LanguageModel model, String[] texts, ThreadMXBean threads, int rounds,
                                        double seconds) {
        FeatureVectorizer vectorizer = new FeatureVectorizer(model.metadata().features(), null);
        FeatureScratch scratch = new FeatureScratch();
        int mask = BenchTexts.COUNT - 1;
        double[] perCpuSecond = new double[rounds + 3];
        for (int r = 0; r < rounds + 3; r++) { // the first 3 rounds are warm-up
            long cpuStart = threads.getCurrentThreadCpuTime();
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long ops = 0;
            int acc = 0;
            do {
                for (int i = 0; i < 1024; i++) {
                    acc += vectorizer.vectorize(texts[(int) (ops++ & mask)], scratch);
                }
            } while (System.nanoTime() < deadline);
            perCpuSecond[r] = ops * 1e9 / (threads.getCurrentThreadCpuTime() - cpuStart);
            sink = acc;
        }
        double[] measured = Arrays.copyOfRange(perCpuSecond, 3, rounds + 3);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "%-17s median %,10.0f texts per CPU-second (min %,.0f, max %,.0f)%n",
                "featuresShort", measured[rounds / 2], measured[0], measured[rounds - 1]);
    }

    /** Runs for about {@code seconds} of wall time; returns {ops per CPU-second, ops per wall-second}. */
    private static double[] run(LanguageModel model, String[] texts, boolean predict, float[] probabilities,
                                LanguageModel.Scratch scratch, ThreadMXBean threads, double seconds) {
        long wallStart = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long deadline = wallStart + (long) (seconds * 1e9);
        long ops = 0;
        int acc = 0;
        int mask = BenchTexts.COUNT - 1;
        do {
            for (int i = 0; i < 1024; i++) {
                String text = texts[(int) (ops++ & mask)];
                acc += predict ? model.predict(text, 1).language().length() : model.classify(text, probabilities, scratch);
            }
        } while (System.nanoTime() < deadline);
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        sink = acc;
        return new double[] {ops * 1e9 / cpu, ops * 1e9 / wall};
    }
}
