package io.glossa.pipeline;

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
}
