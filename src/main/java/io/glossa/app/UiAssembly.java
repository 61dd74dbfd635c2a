package io.glossa.app;

import io.glossa.broker.AmqpBroker;
import io.glossa.broker.QueueStats;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.ResultFanout;
import io.glossa.store.JdbcTextStore;
import io.glossa.web.QueueDepth;
import io.glossa.web.UiRoutes;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;

/**
 * Wires the web UI's routes (history, feedback, languages, dashboard stats and their 15-minute history) onto the
 * API's parts.
 */
final class UiAssembly {
    private UiAssembly() {}

    static UiRoutes routes(
            Lifecycle life,
            JdbcTextStore store,
            AmqpBroker broker,
            MeterRegistry registry,
            ResultFanout results,
            UiModel model) {
        return life.add(
                "dashboard history",
                UiRoutes.start(
                        store.database().history(),
                        store.database().feedback(Clock.systemUTC()),
                        model.labels(),
                        registry,
                        () -> queues(broker),
                        results,
                        model.version()));
    }

    private static List<QueueDepth> queues(AmqpBroker broker) {
        String realtime = broker.topology().queue(Lane.REALTIME);
        String batch = broker.topology().queue(Lane.BATCH);
        return broker.queueStatistics().snapshot().stream()
                .map(q -> depth(
                        q, q.queue().equals(realtime) ? "realtime" : q.queue().equals(batch) ? "batch" : "failed"))
                .toList();
    }

    private static QueueDepth depth(QueueStats stats, String kind) {
        return new QueueDepth(stats.queue(), kind, stats.present(), stats.messages(), stats.consumers());
    }
}
