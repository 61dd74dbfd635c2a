package io.glossa.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Model load time in wall-clock and in this thread's CPU time (the second is what the load would take on an
 * idle core; see {@link CpuThroughput}). The first load in the fresh JVM is reported apart: it includes class
 * loading and runs in the interpreter, as at process start. Run:
 * {@code java -cp target/benchmarks.jar io.glossa.bench.LoadTime [loads]}.
 */
public final class LoadTime {
    private LoadTime() {}

    public static void main(String[] args) {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] first = timeOneLoad(threads);
        System.out.printf(Locale.ROOT, "first load in a fresh JVM: %.0f ms wall, %.0f ms CPU%n", first[0], first[1]);
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
