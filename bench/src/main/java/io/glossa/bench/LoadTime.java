package io.glossa.bench;

import io.glossa.model.LanguageModel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Model load time in wall-clock and in this thread's CPU time (the second is what the load would take on an
 * idle core; see {@link CpuThroughput}). The first load in the fresh JVM is reported apart: it includes class
 * loading and runs in the interpreter, as at process start; so are its first three answers (a sentence, a word pair
 * and a word, each scored by different code), so that a load that only moved cold work into the first answer
 * shows it. Run:
 * {@code java -cp target/benchmarks.jar io.glossa.bench.LoadTime [loads]}; compare.sh's one-CPU harness is
 * {@code taskset -c 1 java -XX:ActiveProcessorCount=1 ...}.
 */
public final class LoadTime {
    private static final String[] FIRST_TEXTS = {"Hur mycket kostar en biljett till Göteborg?", "guten Morgen", "gracias"};

    private LoadTime() {}

    public static void main(String[] args) {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        LanguageModel model = BenchModel.load();
        double loaded = (System.nanoTime() - start) / 1e6;
        double loadedCpu = (threads.getCurrentThreadCpuTime() - startCpu) / 1e6;
        float[] probabilities = new float[model.labelCount()];
        LanguageModel.Scratch scratch = model.newScratch();
        int known = 0;
        for (String text : FIRST_TEXTS) {
            known += model.classify(text, probabilities, scratch) == LanguageModel.UNKNOWN_INDEX ? 0 : 1;
        }
        double answered = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "first load in a fresh JVM: %.0f ms wall, %.0f ms CPU; with its first %d answers"
                + " (%d known): %.0f ms wall%n", loaded, loadedCpu, FIRST_TEXTS.length, known, answered);
        double[] wall = new double[loads];
        double[] cpu = new double[loads];
        for (int i = 0; i < loads; i++) {
            double[] t = timeOneLoad(threads);
            wall[i] = t[0];
            cpu[i] = t[1];
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "next %d loads: median %.0f ms wall (min %.0f), median %.0f ms CPU (min %.0f)%n",
                loads, wall[loads / 2], wall[0], cpu[loads / 2], cpu[0]);
    }

    private static double[] timeOneLoad(ThreadMXBean threads) {
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        BenchModel.load();
        return new double[] {(System.nanoTime() - wall) / 1e6, (threads.getCurrentThreadCpuTime() - cpu) / 1e6};
    }
}
