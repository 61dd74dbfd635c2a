package io.glossa.app;

import io.glossa.broker.AmqpBroker;
import io.glossa.broker.ConsumerSettings;
import io.glossa.model.LanguageModel;
import io.glossa.pipeline.JobConsumer;
import io.glossa.pipeline.JobHandler;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.PredictionHandler;
import io.glossa.registry.ActiveModels;
import io.glossa.registry.ReverifyHandler;
import io.glossa.registry.ShadowingHandler;
import io.glossa.store.JdbcTextStore;
import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the worker side of a process: job consumers running the prediction handler with the registry's active
 * model (read once per job, so a swap lands between jobs), plus the shadow candidate if one is set (used by serve
 * and worker). Re-verify jobs are routed to their run's model version and stored with the run.
 */
final class WorkerAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerAssembly.class);
    /** Enough for C2 to compile the scoring loop: 0.79 s at start here, after which the JIT log shows it at tier 4. */
    private static final int WARM_UP_TEXTS = 50_000;

    private WorkerAssembly() {}

    static JobConsumer start(RoleParts parts, ActiveModels models, ConsumerSettings settings, int topK) {
        Lifecycle life = parts.life();
        JdbcTextStore store = parts.store();
        AmqpBroker broker = parts.broker().broker();
        PipelineMetrics metrics = parts.metrics();
        Clock clock = Clock.systemUTC();
        JobHandler live = new ShadowingHandler(
                new PredictionHandler(store, models, topK, clock, metrics),
                models,
                store.database().shadowResults(),
                clock);
        JobHandler handler = io.glossa.pipeline.TracedHandler.wrap(
                new ReverifyHandler(live, models, store.database().reverify(clock), clock),
                parts.tracing(),
                system(broker),
                broker.topology()::queue);
        warmUp(models.get());
        JobConsumer consumer = life.add("workers", broker.jobConsumer(settings, EnumSet.allOf(Lane.class), metrics));
        consumer.start(handler);
        LOG.info(
                "workers: {} threads, prefetch {} per lane, {} attempts before the failed queue",
                settings.workers(),
                settings.prefetch(),
                settings.maxAttempts());
        return consumer;
    }

    /** The span attribute messaging.system: rabbitmq, or qpid for the embedded broker. */
    static String system(AmqpBroker broker) {
        return broker.flavour().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Compiles the classifier while the machine is still idle (see LanguageModel.warmUp). */
    private static void warmUp(LanguageModel model) {
        long start = System.nanoTime();
        model.warmUp(WARM_UP_TEXTS);
        LOG.info(
                "workers: classifier warmed up with {} texts in {} ms",
                WARM_UP_TEXTS,
                (System.nanoTime() - start) / 1_000_000);
    }
}
