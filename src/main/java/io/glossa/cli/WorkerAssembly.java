package io.glossa.cli;

import io.glossa.broker.AmqpBroker;
import io.glossa.broker.AmqpJobConsumer;
import io.glossa.broker.ConsumerSettings;
import io.glossa.model.LanguageClassifier;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.PipelineMetrics;
import io.glossa.pipeline.PredictionHandler;
import io.glossa.pipeline.TextStore;
import java.time.Clock;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the worker side of a process: job consumers running the prediction handler (used by serve and worker). */
final class WorkerAssembly {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerAssembly.class);

    private WorkerAssembly() {
    }

    static AmqpJobConsumer start(Lifecycle life, TextStore store, AmqpBroker broker, LanguageClassifier model,
                                 ConsumerSettings settings, int topK, PipelineMetrics metrics) {
        PredictionHandler handler = new PredictionHandler(store, () -> model, topK, Clock.systemUTC(), metrics);
        AmqpJobConsumer consumer = life.add("workers", broker.jobConsumer(settings, EnumSet.allOf(Lane.class), metrics));
        consumer.start(handler);
        LOG.info("workers: {} threads, prefetch {} per lane, {} attempts before the failed queue",
                settings.workers(), settings.prefetch(), settings.maxAttempts());
        return consumer;
    }
}
