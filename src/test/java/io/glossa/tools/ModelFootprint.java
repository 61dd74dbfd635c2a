package io.glossa.tools;

import io.glossa.corpus.LabeledText;
import io.glossa.corpus.TsvCorpusReader;
import io.glossa.model.LanguageModel;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Developer tool (not a test): load time (cold, in a fresh JVM, then warm), retained heap of a loaded model, and
 * single-thread classify() throughput on texts cut to a given length. Usage: ModelFootprint MODEL TSV LENGTH SECONDS.
 */
public final class ModelFootprint {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        var cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        LanguageModel model = LanguageModel.load(file);
        double cold = (System.nanoTime() - t0) / 1e9;
        double coldCpu = (cpu.getCurrentThreadCpuTime() - c0) / 1e9;
        double warm = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            LanguageModel.load(file);
            warm = Math.min(warm, (System.nanoTime() - t) / 1e9);
        }
        model = null;
        long before = usedHeap();
        LanguageModel kept = LanguageModel.load(file);
        long after = usedHeap();
        System.out.printf(
                Locale.ROOT,
                "load: cold %.3f s wall / %.3f s CPU (first in JVM), warm %.3f s;" + " retained heap %.1f MB%n",
                cold,
                coldCpu,
                warm,
                (after - before) / 1048576.0);
        int length = Integer.parseInt(args[2]);
        List<LabeledText> texts = new TsvCorpusReader().readAll(Path.of(args[1]));
        String[] inputs = texts.stream()
                .map(LabeledText::text)
                .map(s -> s.length() > length ? s.substring(0, length) : s)
                .toArray(String[]::new);
        double mean = java.util.Arrays.stream(inputs)
                .mapToInt(String::length)
                .average()
                .orElse(0);
        float[] p = new float[kept.labelCount()];
        LanguageModel.Scratch scratch = kept.newScratch();
        long sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += kept.classify(inputs[i % inputs.length], p, scratch);
        }
        double seconds = Double.parseDouble(args[3]);
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long n = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                sink += kept.classify(inputs[(int) (n++ % inputs.length)], p, scratch);
            }
        }
        double rate = n / ((System.nanoTime() - start) / 1e9);
        double cpuRate = n / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "classify: %.0f texts/s wall, %.0f texts per CPU-second (mean %.1f chars," + " one thread) [%d]%n",
                rate,
                cpuRate,
                mean,
                sink & 1);
        long pcpu0 = threads.getCurrentThreadCpuTime();
        long pstart = System.nanoTime();
        long pn = 0;
        while (System.nanoTime() < pstart + (long) (seconds * 1e9)) {
            for (int i = 0; i < 1000; i++) {
                sink += kept.predict(inputs[(int) (pn++ % inputs.length)], 1)
                        .top()
                        .size();
            }
        }
        System.out.printf(
                Locale.ROOT,
                "predict(text, 1): %.0f texts/s wall, %.0f per CPU-second%n",
                pn / ((System.nanoTime() - pstart) / 1e9),
                pn / ((threads.getCurrentThreadCpuTime() - pcpu0) / 1e9));
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
