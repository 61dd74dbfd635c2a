package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

/** The broker ports' kit on the in-memory fake, so that the fake keeps the ports' contract. */
class InMemoryBrokerTest extends JobQueueKit {
    private final InMemoryBroker broker = new InMemoryBroker();

    @Override
    protected JobPublisher publisher() {
        return broker.publisher();
    }

    @Override
    protected JobConsumer newConsumer(Set<Lane> lanes, int maxAttempts) {
        return broker.consumer(lanes, maxAttempts);
    }

    @Override
    protected void crash(JobConsumer consumer) {
        ((InMemoryConsumer) consumer).crash();
    }

    @Override
    protected void listen(ResultListener listener) {
        broker.listen(listener);
    }

    @Override
    protected void checkWaiting(Lane lane, int messages) {
        assertThat(broker.depth(lane)).as("jobs waiting on the %s queue", lane).isEqualTo(messages);
    }

    @Override
    protected void checkGivenUpOnTheBroker(Job job, String reason) throws InterruptedException {
        // the fake keeps the job, not the reason; it moves the job after the handler heard of the giving up
        await("the job in the failed queue", () -> broker.failed().contains(job));
    }

    @Override
    protected void checkNothingGivenUpOnTheBroker() {
        assertThat(broker.failed()).as("jobs in the failed queue").isEmpty();
    }
}
