package io.glossa.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake of our own TextStore port for unit tests; it passes the port's kit ({@link InMemoryTextStoreTest}). */
public final class InMemoryTextStore implements TextStore {
    private final Map<UUID, TextRecord> records = new LinkedHashMap<>();
    private final Map<UUID, Job> outbox = new LinkedHashMap<>();
    private final Map<UUID, Long> owners = new java.util.HashMap<>();
    private final Map<UUID, String> bodies = new java.util.HashMap<>();
    private final Map<UUID, Question> questions = new java.util.HashMap<>();
    /** Every result kept per text, by model version: the first per version wins. */
    private final Map<UUID, Map<String, Result>> results = new java.util.HashMap<>();

    private final Map<String, IdempotentRequest> idempotencyKeys = new java.util.HashMap<>();
    private final Clock clock;
    private volatile boolean closed;
    public int completeCalls;
    /** Runs at the start of every {@link #markPublished}: tests slow it down or make it fail. */
    public volatile Runnable beforeMark = () -> {};
    /** Runs at the start of every {@link #unpublished} (the relay's sweep): tests make it fail. */
    public volatile Runnable beforeSweep = () -> {};

    private final AtomicInteger sweeps = new AtomicInteger();

    public InMemoryTextStore(Clock clock) {
        this.clock = clock;
    }

    public InMemoryTextStore() {
        this(Clock.systemUTC());
    }

    /** The stored text, its owner (null: nobody) and question, for the fakes of other ports; empty if unknown. */
    public synchronized Optional<StoredText> stored(UUID id) {
        return Optional.ofNullable(records.get(id)).map(this::storedText);
    }

    /** Every stored text, in the order they were stored. */
    public synchronized List<StoredText> allStored() {
        return records.values().stream().map(this::storedText).toList();
    }

    private StoredText storedText(TextRecord record) {
        UUID id = record.id();
        return new StoredText(record, bodies.get(id), owners.get(id), questions.getOrDefault(id, Question.DEFAULT));
    }

    public record StoredText(TextRecord record, String text, Long owner, Question question) {}

    /** The language {@code version} answered per text, over every result kept (not only the one shown). */
    public synchronized Map<UUID, String> answersOf(String version) {
        Map<UUID, String> answers = new java.util.HashMap<>();
        results.forEach((id, byVersion) -> {
            Result result = byVersion.get(version);
            if (result != null) {
                answers.put(id, result.prediction().language());
            }
        });
        return answers;
    }

    /** Ids of the stored texts, oldest first. */
    public synchronized List<UUID> ids() {
        return List.copyOf(records.keySet());
    }

    @Override
    public synchronized List<Job> accept(
            List<String> texts, Lane lane, Question question, Long owner, TraceContext trace) {
        List<Job> jobs = new ArrayList<>();
        Instant now = clock.instant();
        for (String text : texts) {
            Job job = new Job(UUID.randomUUID(), text, lane, now, null, question, owner, trace);
            owners.put(job.id(), owner);
            bodies.put(job.id(), text);
            questions.put(job.id(), question);
            records.put(job.id(), new TextRecord(job.id(), TextStatus.PENDING, lane, null, null, now, null, null));
            outbox.put(job.id(), job);
            jobs.add(job);
        }
        return jobs;
    }

    @Override
    public synchronized Accepted acceptOnce(
            List<String> texts, Lane lane, Question question, IdempotencyKey key, Long owner, TraceContext trace) {
        IdempotentRequest earlier = idempotencyKeys.get(key.key());
        if (earlier == null) {
            List<Job> jobs = accept(texts, lane, question, owner, trace);
            idempotencyKeys.put(key.key(), new IdempotentRequest(key.requestSha256(), jobs));
            return new Accepted(jobs, false);
        }
        if (!earlier.requestSha256().equals(key.requestSha256())) {
            throw new IdempotencyConflictException("the Idempotency-Key was used for a different request");
        }
        return new Accepted(earlier.jobs(), true);
    }

    private record IdempotentRequest(String requestSha256, List<Job> jobs) {}

    @Override
    public synchronized boolean adopt(Job job) {
        if (records.containsKey(job.id())) {
            return false;
        }
        records.put(
                job.id(),
                new TextRecord(job.id(), TextStatus.PENDING, job.lane(), null, null, job.submittedAt(), null, null));
        bodies.put(job.id(), job.text());
        questions.put(job.id(), job.question());
        owners.put(job.id(), job.owner());
        return true;
    }

    /** Simulates a job committed by another (crashed) process. */
    public synchronized Job addUnpublished(String text, Instant submittedAt) {
        Job job = new Job(UUID.randomUUID(), text, Lane.REALTIME, submittedAt);
        records.put(
                job.id(),
                new TextRecord(job.id(), TextStatus.PENDING, Lane.REALTIME, null, null, submittedAt, null, null));
        bodies.put(job.id(), text);
        outbox.put(job.id(), job);
        return job;
    }

    @Override
    public synchronized Optional<TextRecord> find(UUID id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized Optional<TextRecord> find(UUID id, Requester requester) {
        return find(id).filter(record -> requester.sees(owners.get(id)));
    }

    @Override
    public List<Job> unpublished(int limit) {
        beforeSweep.run();
        try {
            synchronized (this) {
                return outbox.values().stream().limit(limit).toList();
            }
        } finally {
            sweeps.incrementAndGet();
        }
    }

    /** How many sweeps have read the outbox so far: a test waits for the relay's start-up sweep with it. */
    public int sweeps() {
        return sweeps.get();
    }

    public synchronized int unpublishedCount() {
        return outbox.size();
    }

    @Override
    public synchronized int deleteSubmittedBefore(Instant cutoff, int limit) {
        List<UUID> old = records.values().stream()
                .filter(r -> r.submittedAt().isBefore(cutoff))
                .sorted(java.util.Comparator.comparing(TextRecord::submittedAt))
                .limit(limit)
                .map(TextRecord::id)
                .toList();
        old.forEach(id -> {
            records.remove(id);
            outbox.remove(id);
            results.remove(id);
            bodies.remove(id);
            questions.remove(id);
            owners.remove(id);
        });
        return old.size();
    }

    @Override
    public void markPublished(Collection<UUID> ids) {
        beforeMark.run(); // outside the lock: a test may hold a mark back while the store goes on serving
        synchronized (this) {
            ids.forEach(outbox::remove);
        }
    }

    @Override
    public synchronized boolean complete(Result result) {
        completeCalls++;
        TextRecord old = records.get(result.id());
        if (old == null) {
            throw new UnknownTextException(result.id());
        }
        Map<String, Result> kept = results.computeIfAbsent(result.id(), id -> new java.util.HashMap<>());
        if (kept.putIfAbsent(result.modelVersion(), result) != null) {
            return false;
        }
        // the newest result is shown, whatever order they arrived in
        Result shown = kept.values().stream()
                .max(java.util.Comparator.comparing(Result::completedAt))
                .orElseThrow();
        records.put(
                result.id(),
                new TextRecord(
                        old.id(),
                        TextStatus.DONE,
                        old.lane(),
                        shown.prediction(),
                        shown.modelVersion(),
                        old.submittedAt(),
                        shown.completedAt(),
                        null));
        return true;
    }

    @Override
    public synchronized void fail(UUID id, String reason) {
        TextRecord old = records.get(id);
        if (old == null) {
            throw new UnknownTextException(id);
        }
        if (old.status() == TextStatus.DONE) {
            return; // a late failure report does not hide a result
        }
        records.put(
                id,
                new TextRecord(
                        id, TextStatus.FAILED, old.lane(), null, null, old.submittedAt(), clock.instant(), reason));
    }

    @Override
    public boolean isReady() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
