package io.glossa.registry;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.JobPublisher;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Rescore;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * {@code glossa reverify}: scores stored texts again with a registered version, through the batch queue (so the
 * workers do it, behind realtime traffic), then reports how the answers compare.
 */
public final class Reverification {
    private static final int PAGE = 500;

    private final ReverifyStore store;
    private final ModelRegistry registry;
    private final JobPublisher publisher;
    private final Clock clock;

    public Reverification(ReverifyStore store, ModelRegistry registry, JobPublisher publisher, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** The version to use: the one asked for (it must be registered), else the active one. */
    public String resolveVersion(String requested) {
        if (requested != null) {
            return registry.find(requested)
                    .map(ModelEntry::version)
                    .orElseThrow(() -> new ModelRegistryException(
                            "no model " + requested + " in the registry (see glossa models list)"));
        }
        return registry.state()
                .activeVersion()
                .orElseThrow(() -> new ModelRegistryException(
                        "no active model in the registry: pass --model VERSION (see glossa models list)"));
    }

    /** Creates the run and publishes one batch-lane job per selected text (confirmed); returns the run with its total. */
    public ReverifyRun start(String version, Selection selection) {
        ReverifyRun run = store.create(version, selection.describe());
        Rescore rescore = new Rescore(run.id(), version);
        long total = 0;
        UUID after = null;
        while (true) {
            List<Job> page = store.texts(selection, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            publisher.publish(page.stream()
                    .map(t -> new Job(t.id(), t.text(), Lane.BATCH, t.submittedAt(), rescore, t.question()))
                    .toList());
            total += page.size();
            if (selection.sample() > 0) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        store.setTotal(run.id(), total);
        return store.find(run.id()).orElseThrow();
    }

    public ReverifyRun progress(UUID run) {
        return store.find(run).orElseThrow(() -> new ModelRegistryException("no re-verify run " + run));
    }

    /** Computes the report over what was scored so far, and stores it with the run. */
    public ReverifyReport finish(UUID run) {
        ReverifyReport report = ReverifyReport.of(progress(run), store.tallies(run), clock.instant());
        store.finish(run, report.toJson(), clock.instant());
        return report;
    }
}
