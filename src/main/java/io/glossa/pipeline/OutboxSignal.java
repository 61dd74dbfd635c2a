package io.glossa.pipeline;

import java.util.List;

/** Tells the outbox relay that jobs were just committed, so it publishes them now instead of at its next sweep. */
@FunctionalInterface
public interface OutboxSignal {
    void committed(List<Job> jobs);

    OutboxSignal NONE = jobs -> {};
}
