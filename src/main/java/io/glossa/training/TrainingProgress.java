package io.glossa.training;

import java.util.function.Consumer;

/**
 * What training reports while it runs: lines (the stages, each epoch's loss) and, during the SGD fit, how many
 * example steps are done, so that a command can show a bar with a rate and the time left. A lambda taking a line
 * is one, for callers that only want the lines.
 */
@FunctionalInterface
public interface TrainingProgress extends Consumer<String> {
    /** An SGD fit of {@code totalSteps} example steps (epochs × examples) begins. */
    default void fitting(long totalSteps) {}

    /**
     * Steps done so far in the current fit. Called from the SGD threads every few thousand steps (at most a few
     * hundred times a second), so implementations must be thread-safe and cheap.
     */
    default void fitted(long doneSteps) {}
}
