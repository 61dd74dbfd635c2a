package io.glossa.bench;

import io.glossa.pipeline.UtcInstants;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The small texts every pipeline text is written as and read from several times: its times (job messages, delivery
 * headers, result events, API answers) and its probabilities. Each glossa way beside the JDK's, in one run:
 * {@code java -jar target/benchmarks.jar WireTextBenchmark -jvmArgsAppend -XX:ActiveProcessorCount=1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class WireTextBenchmark {
    private final Instant time = Instant.parse("2026-12-08T04:21:30.123456Z");
    private final String text = time.toString();
    /** A probability as the model computes it: a float, widened to double on its way to JSON. */
    private final float probability = 0.6444f;

    @Benchmark
    public String formatTimeJdk() {
        return time.toString();
    }

    @Benchmark
    public String formatTimeGlossa() {
        return UtcInstants.format(time);
    }

    @Benchmark
    public Instant parseTimeJdk() {
        return Instant.parse(text);
    }

    @Benchmark
    public Instant parseTimeGlossa() {
        return UtcInstants.parse(text);
    }

    @Benchmark
    public String probabilityAsDouble() {
        return Double.toString(probability);
    }

    /** As the store writes probabilities: exact doubles, by Jackson's Schubfach writer (USE_FAST_DOUBLE_WRITER). */
    @Benchmark
    public String probabilityAsDoubleSchubfach() {
        return com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal.toString(probability);
    }

    @Benchmark
    public String probabilityAsFloat() {
        return Float.toString(probability);
    }
}
