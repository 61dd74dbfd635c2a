package io.glossa.broker;

import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.TextStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The deliveries a consumer reported to its metrics, for assertions. */
final class RecordingDeliveries implements PipelineMetrics {
    record Reported(Lane lane, Duration queueWait, boolean redelivered) {}

    final List<Reported> deliveries = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(Lane lane, Duration queueWait, boolean redelivered) {
        deliveries.add(new Reported(lane, queueWait, redelivered));
    }

    @Override
    public void accepted(Lane lane, int texts) {}

    @Override
    public void published(int jobs, Duration batchTime) {}

    @Override
    public void confirmed(Lane lane, Duration sinceSubmission) {}

    @Override
    public void publishFailed(int jobs) {}

    @Override
    public void completed(Lane lane, TextStatus status, StageTimes times) {}

    @Override
    public void resultObserved(TextStatus status, Duration sinceSubmission) {}

    @Override
    public void resultEventLag(Duration sinceCompleted) {}
}
