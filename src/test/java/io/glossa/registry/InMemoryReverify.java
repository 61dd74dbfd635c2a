package io.glossa.registry;

import io.glossa.pipeline.InMemoryFeedback;
import io.glossa.pipeline.InMemoryTextStore;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Result;
import io.glossa.pipeline.TextStatus;
import io.glossa.pipeline.UnknownTextException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A fake of the ReverifyStore port over the in-memory text and feedback stores: runs, their answers, and tallies
 * counted as the SQL does (each answer beside the prediction its client was shown, and the newest label).
 */
final class InMemoryReverify implements ReverifyStore {
    private final InMemoryTextStore texts;
    private final InMemoryFeedback feedback;
    private final Clock clock;
    private final Map<UUID, ReverifyRun> runs = new LinkedHashMap<>();
    private final Map<UUID, Map<UUID, Result>> answers = new HashMap<>();

    InMemoryReverify(InMemoryTextStore texts, InMemoryFeedback feedback, Clock clock) {
        this.texts = texts;
        this.feedback = feedback;
        this.clock = clock;
    }

    @Override
    public synchronized ReverifyRun create(String modelVersion, String selection) {
        ReverifyRun run = new ReverifyRun(
                UUID.randomUUID(),
                modelVersion,
                selection,
                0,
                0,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                null,
                null);
        runs.put(run.id(), run);
        answers.put(run.id(), new LinkedHashMap<>());
        return run;
    }

    @Override
    public List<Job> texts(Selection selection, UUID after, int limit) {
        List<InMemoryTextStore.StoredText> done = new ArrayList<>(texts.allStored().stream()
                .filter(t -> t.record().status() == TextStatus.DONE)
                .filter(t ->
                        selection.since() == null || !t.record().submittedAt().isBefore(selection.since()))
                .toList());
        if (selection.sample() > 0) {
            Collections.shuffle(done);
            return done.stream()
                    .limit(selection.sample())
                    .map(InMemoryReverify::job)
                    .toList();
        }
        // ids in their text form, as the database orders them
        return done.stream()
                .filter(t -> after == null || t.record().id().toString().compareTo(after.toString()) > 0)
                .sorted(Comparator.comparing(t -> t.record().id().toString()))
                .limit(limit)
                .map(InMemoryReverify::job)
                .toList();
    }

    private static Job job(InMemoryTextStore.StoredText text) {
        return new Job(
                text.record().id(),
                text.text(),
                text.record().lane(),
                text.record().submittedAt(),
                null,
                text.question());
    }

    @Override
    public synchronized void setTotal(UUID run, long total) {
        runs.computeIfPresent(
                run,
                (id, r) -> new ReverifyRun(
                        id,
                        r.modelVersion(),
                        r.selection(),
                        total,
                        r.scored(),
                        r.createdAt(),
                        r.finishedAt(),
                        r.reportJson()));
    }

    @Override
    public synchronized void store(UUID run, Result result) {
        if (!runs.containsKey(run) || texts.stored(result.id()).isEmpty()) {
            throw new UnknownTextException(result.id());
        }
        answers.get(run).putIfAbsent(result.id(), result);
    }

    @Override
    public synchronized Optional<ReverifyRun> find(UUID run) {
        return Optional.ofNullable(runs.get(run)).map(this::withScored);
    }

    @Override
    public synchronized List<ReverifyRun> runs(int limit) {
        return runs.values().stream()
                .sorted(Comparator.comparing(ReverifyRun::createdAt).reversed())
                .limit(limit)
                .map(this::withScored)
                .toList();
    }

    private ReverifyRun withScored(ReverifyRun r) {
        return new ReverifyRun(
                r.id(),
                r.modelVersion(),
                r.selection(),
                r.total(),
                answers.get(r.id()).size(),
                r.createdAt(),
                r.finishedAt(),
                r.reportJson());
    }

    @Override
    public synchronized ReverifyTallies tallies(UUID run) {
        Map<UUID, String> labels = feedback.newestLabels();
        long same = 0;
        long labelled = 0;
        long correctNow = 0;
        long correctBefore = 0;
        Map<List<String>, Long> changes = new HashMap<>();
        Collection<Result> scored = answers.getOrDefault(run, Map.of()).values();
        for (Result answer : scored) {
            String now = answer.prediction().language();
            String before = shown(answer.id());
            same += now.equals(before) ? 1 : 0;
            String label = labels.get(answer.id());
            if (label != null) {
                labelled++;
                correctNow += now.equals(label) ? 1 : 0;
                correctBefore += label.equals(before) ? 1 : 0;
            }
            if (before != null && !before.equals(now)) {
                changes.merge(List.of(before, now), 1L, Long::sum);
            }
        }
        return new ReverifyTallies(
                scored.size(),
                same,
                labelled,
                correctNow,
                correctBefore,
                changes.entrySet().stream()
                        .map(e -> new ReverifyTallies.Change(
                                e.getKey().get(0), e.getKey().get(1), e.getValue()))
                        .sorted(Comparator.comparingLong(ReverifyTallies.Change::count)
                                .reversed()
                                .thenComparing(ReverifyTallies.Change::from)
                                .thenComparing(ReverifyTallies.Change::to))
                        .toList());
    }

    /** The language the text's client was shown, or null if it has no result. */
    private String shown(UUID text) {
        return texts.stored(text)
                .map(t -> t.record().prediction())
                .filter(Objects::nonNull)
                .map(p -> p.language())
                .orElse(null);
    }

    @Override
    public synchronized void finish(UUID run, String reportJson, Instant at) {
        runs.computeIfPresent(
                run,
                (id, r) -> new ReverifyRun(
                        id,
                        r.modelVersion(),
                        r.selection(),
                        r.total(),
                        r.scored(),
                        r.createdAt(),
                        at.truncatedTo(ChronoUnit.MICROS),
                        reportJson));
    }

    /** The language {@code version} answered per text in every run. */
    synchronized Map<UUID, String> answersOf(String version) {
        Map<UUID, String> found = new HashMap<>();
        answers.values()
                .forEach(run -> run.values().stream()
                        .filter(r -> r.modelVersion().equals(version))
                        .forEach(r -> found.put(r.id(), r.prediction().language())));
        return found;
    }
}
