package io.glossa.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PipelineMetrics} that remembers what it was told, for assertions. */
final class RecordingMetrics implements PipelineMetrics {
    record Completion(Lane lane, TextStatus status, StageTimes times) {}

    record Confirmation(Lane lane, Duration sinceSubmission) {}

    final List<Completion> completions = new CopyOnWriteArrayList<>();
    final List<Confirmation> confirmations = new CopyOnWriteArrayList<>();
    final List<Lane> acceptedLanes = new CopyOnWriteArrayList<>();

    @Override
    public void accepted(Lane lane, int texts) {
        for (int i = 0; i < texts; i++) {
            acceptedLanes.add(lane);
        }
    }

    @Override
    public void published(int jobs, Duration batchTime) {}

    @Override
    public void confirmed(Lane lane, Duration sinceSubmission) {
        confirmations.add(new Confirmation(lane, sinceSubmission));
    }

    @Override
    public void publishFailed(int jobs) {}

    @Override
    public void delivered(Lane lane, Duration queueWait, boolean redelivered) {}

    @Override
    public void completed(Lane lane, TextStatus status, StageTimes times) {
        completions.add(new Completion(lane, status, times));
    }

    @Override
    public void resultObserved(TextStatus status, Duration sinceSubmission) {}

    @Override
    public void resultEventLag(Duration sinceCompleted) {}
}
