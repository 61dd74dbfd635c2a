package io.glossa.broker;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Run in a child JVM by {@link EmbeddedBrokerCrashIT}: starts the embedded broker, publishes jobs with confirms,
 * prints each confirmed id, then waits to be killed with SIGKILL.
 * Arguments: dataDir port prefix batches.
 */
public final class CrashingPublisher {
    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Topology topology = new Topology(args[2]);
        int batches = Integer.parseInt(args[3]);
        EmbeddedBroker embedded = EmbeddedBroker.start(new EmbeddedBrokerSettings(dataDir, port, "guest", "guest"));
        AmqpBroker broker = AmqpBroker.connect(
                embedded.endpoint(),
                topology,
                ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofSeconds(10)),
                "crash");
        for (int b = 0; b < batches; b++) {
            List<Job> jobs = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                jobs.add(new Job(UUID.randomUUID(), "crash " + b + "/" + i, Lane.BATCH, Instant.now()));
            }
            broker.jobPublisher().publish(jobs);
            for (Job job : jobs) {
                System.out.println("CONFIRMED " + job.id());
            }
            System.out.flush();
        }
        System.out.println("DONE");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
