package io.glossa.pipeline;

import java.util.ArrayList;
import java.util.List;

/** A fake of our own JobPublisher port for unit tests: records batches, can be switched "down". */
public final class RecordingPublisher implements JobPublisher {
    public final List<List<Job>> batches = new ArrayList<>();
    public volatile boolean down;
    public int failures;

    @Override
    public synchronized void publish(List<Job> jobs) {
        if (down) {
            failures++;
            throw new BrokerUnavailableException("broker down (test)", null);
        }
        batches.add(List.copyOf(jobs));
        notifyAll();
    }

    public synchronized List<Job> published() {
        return batches.stream().flatMap(List::stream).toList();
    }

    public synchronized int failures() {
        return failures;
    }
}
