package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.features.FeatureParams;
import io.glossa.model.TrainingParams;
import io.glossa.testing.SyntheticCorpus;
import io.glossa.training.ModelTrainer;
import io.glossa.training.TrainingCorpus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** `glossa train`'s progress when stderr is not a terminal: the trainer's lines, and a plain progress line per 5 s. */
class TrainProgressTest {
    private final StringWriter out = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void plainLinesAtTheIntervalBetweenTheTrainersOwnLines() {
        TrainProgress progress = new TrainProgress(new PrintWriter(out), false, nanos::get);
        progress.accept("3 texts, 2 labels: 2 for training, 1 held out for dev");
        progress.fitting(10_000);
        nanos.set(Duration.ofSeconds(1).toNanos());
        progress.fitted(1_000); // before the first interval: nothing
        nanos.set(Duration.ofSeconds(5).toNanos());
        progress.fitted(5_000);
        progress.accept("epoch 1/2: loss 0.6931 (5.0 s)");
        nanos.set(Duration.ofSeconds(10).toNanos());
        progress.fitted(10_000);
        progress.accept("epoch 2/2: loss 0.1000 (5.0 s)");
        progress.close();
        assertThat(out.toString()).doesNotContain("\r", "\u001b");
        assertThat(out.toString().lines())
                .containsExactly(
                        "3 texts, 2 labels: 2 for training, 1 held out for dev",
                        "train: 5,000 of 10,000 examples (50%), 1,000 examples/s, 0:05 left",
                        "epoch 1/2: loss 0.6931 (5.0 s)",
                        "train: 10,000 of 10,000 examples (100%), 1,000 examples/s",
                        "epoch 2/2: loss 0.1000 (5.0 s)");
    }

    @Test
    void theTrainerReportsEveryExampleStepOfItsFit() {
        // a clock that jumps 5 s at each reading, so that every report of the SGD threads prints a line
        TrainProgress progress = new TrainProgress(
                new PrintWriter(out),
                false,
                () -> nanos.addAndGet(Duration.ofSeconds(5).toNanos()));
        TrainingParams params = new TrainingParams(2, 0.3, 1e-6, 1, 2, 1, 0.1, 1);
        new ModelTrainer(2, progress)
                .train(
                        new TrainingCorpus(SyntheticCorpus.texts(1_500, 3), List.of()),
                        new FeatureParams(12, 1, 3, true),
                        params,
                        null);
        progress.close();
        List<String> bars = out.toString()
                .lines()
                .filter(line -> line.startsWith("train: "))
                .toList();
        assertThat(bars)
                .hasSizeGreaterThan(2)
                .allMatch(line -> line.matches(
                        "train: [\\d,]+ of [\\d,]+ examples \\(\\d+%\\), [\\d,]+ examples/s(, \\d+:\\d\\d left)?"));
        assertThat(bars).as("the fit is reported to its end").anyMatch(line -> line.contains("(100%)"));
        assertThat(out.toString()).contains("epoch 1/2: loss", "epoch 2/2: loss", "calibration: temperature");
    }
}
