package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PredictionHandlerTest {
    private final InMemoryTextStore store = new InMemoryTextStore();
    private final FixedClassifier model = new FixedClassifier();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final PredictionHandler handler = new PredictionHandler(store, () -> model, 2, Clock.systemUTC(), metrics);

    @Test
    void predictsStoresAndReturnsTheResult() {
        Job job = store.accept(List.of("Hej, hur mår du?"), Lane.REALTIME).get(0);
        Result result = handler.handle(job);
        assertThat(result.prediction().language()).isEqualTo("sv");
        assertThat(result.prediction().top()).hasSize(2);
        assertThat(result.modelVersion()).isEqualTo("test-1");
        TextRecord stored = store.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(TextStatus.DONE);
        assertThat(stored.prediction().nativeName()).isEqualTo("Svenska");
    }

    @Test
    void aRedeliveredJobKeepsTheFirstResult() {
        Job job = store.accept(List.of("Hej"), Lane.REALTIME).get(0);
        handler.handle(job);
        Instant first = store.find(job.id()).orElseThrow().completedAt();
        handler.handle(job);
        assertThat(store.find(job.id()).orElseThrow().completedAt()).isEqualTo(first);
    }

    @Test
    void aJobWithAnIdNoApiIssuedIsStoredThenAnswered() {
        Instant published = Instant.parse("2026-12-07T01:00:00Z");
        Job outside = new Job(UUID.randomUUID(), "Hej", Lane.BATCH, published);
        assertThat(handler.handle(outside).prediction().language()).isEqualTo("sv");
        TextRecord stored = store.find(outside.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(TextStatus.DONE);
        assertThat(stored.lane()).isEqualTo(Lane.BATCH);
        assertThat(stored.submittedAt()).isEqualTo(published);

        Job other = new Job(UUID.randomUUID(), "Hej igen", Lane.REALTIME, published);
        Job known = store.accept(List.of("Hej då"), Lane.REALTIME).get(0);
        assertThat(handler.handleAll(List.of(known, other))).noneMatch(JobOutcome::isFailed);
        assertThat(store.find(other.id()).orElseThrow().status()).isEqualTo(TextStatus.DONE);
        assertThat(metrics.completions).hasSize(3);
    }

    @Test
    void aStoreThatCannotKeepOutsideJobsFailsTheAttempt() {
        TextStore plain = new TextStore() { // only the port's defaults: no adopt
                    @Override
                    public List<Job> accept(
                            List<String> texts, Lane lane, Question question, Long owner, TraceContext trace) {
                        return List.of();
                    }

                    @Override
                    public java.util.Optional<TextRecord> find(UUID id) {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public java.util.Optional<TextRecord> find(UUID id, Requester requester) {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public List<Job> unpublished(int limit) {
                        return List.of();
                    }

                    @Override
                    public void markPublished(java.util.Collection<UUID> ids) {}

                    @Override
                    public boolean complete(Result result) {
                        throw new UnknownTextException(result.id());
                    }

                    @Override
                    public int deleteSubmittedBefore(Instant cutoff, int limit) {
                        return 0;
                    }

                    @Override
                    public void fail(UUID id, String reason) {}

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void close() {}
                };
        PredictionHandler strict = new PredictionHandler(plain, () -> model, 2, Clock.systemUTC(), metrics);
        Job ghost = new Job(UUID.randomUUID(), "x", Lane.REALTIME, Instant.now());
        assertThatThrownBy(() -> strict.handle(ghost)).isInstanceOf(UnknownTextException.class);
    }

    @Test
    void givingUpMarksTheTextFailedWithTheReason() {
        Job job = store.accept(List.of("poison"), Lane.REALTIME).get(0);
        handler.giveUp(job, "failed 5 times: boom");
        TextRecord stored = store.find(job.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(TextStatus.FAILED);
        assertThat(stored.error()).isEqualTo("failed 5 times: boom");
    }

    @Test
    void reportsEachStoredTextOnceWithItsLaneAndStageTimes() {
        Job job = store.accept(List.of("Hej"), Lane.BATCH).get(0);
        handler.handle(job);
        handler.handle(job); // redelivered: nothing new stored, nothing counted again
        assertThat(metrics.completions).singleElement().satisfies(c -> {
            assertThat(c.lane()).isEqualTo(Lane.BATCH);
            assertThat(c.status()).isEqualTo(TextStatus.DONE);
            assertThat(c.times().predict()).isPositive();
            assertThat(c.times().store()).isPositive();
            // end to end runs to the stored result, so it covers both stages
            assertThat(c.times().endToEnd()).isGreaterThanOrEqualTo(c.times().store());
        });
    }

    @Test
    void aFailedTextIsReportedWithItsStoreTimeAndNoPrediction() {
        Job job = store.accept(List.of("poison"), Lane.REALTIME).get(0);
        handler.giveUp(job, "boom");
        assertThat(metrics.completions).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(TextStatus.FAILED);
            assertThat(c.times().predict()).isZero();
            assertThat(c.times().store()).isPositive();
        });
    }

    @Test
    void manyJobsAreStoredTogetherAndAFailingOneFailsAlone() throws Exception {
        List<Job> jobs = store.accept(List.of("Hej", "boom", "Hallå"), Lane.REALTIME);
        Job ghost = new Job(UUID.randomUUID(), "ghost", Lane.REALTIME, Instant.now());
        List<Job> all = List.of(jobs.get(0), jobs.get(1), ghost, jobs.get(2));
        io.glossa.model.LanguageClassifier boomFails = new io.glossa.model.LanguageClassifier() {
            @Override
            public io.glossa.model.Prediction predict(CharSequence text, int topK) {
                if (text.toString().equals("boom")) {
                    throw new IllegalStateException("cannot read boom");
                }
                return model.predict(text, topK);
            }

            @Override
            public String version() {
                return model.version();
            }
        };
        PredictionHandler picky = new PredictionHandler(store, () -> boomFails, 2, Clock.systemUTC(), metrics);

        List<JobOutcome> outcomes = picky.handleAll(all);

        assertThat(outcomes).extracting(JobOutcome::job).containsExactlyElementsOf(all);
        assertThat(outcomes.get(0).result().prediction().language()).isEqualTo("sv");
        assertThat(outcomes.get(1).failure()).hasMessage("cannot read boom");
        assertThat(outcomes.get(2).isFailed())
                .as("an outside producer's job: stored, then answered")
                .isFalse();
        assertThat(outcomes.get(3).isFailed()).isFalse();
        assertThat(store.find(ghost.id()).orElseThrow().status()).isEqualTo(TextStatus.DONE);
        assertThat(store.find(jobs.get(0).id()).orElseThrow().status()).isEqualTo(TextStatus.DONE);
        assertThat(store.find(jobs.get(1).id()).orElseThrow().status()).isEqualTo(TextStatus.PENDING);
        assertThat(store.find(jobs.get(2).id()).orElseThrow().status()).isEqualTo(TextStatus.DONE);
        assertThat(metrics.completions).as("each stored text counted once").hasSize(3);

        List<JobOutcome> again = picky.handleAll(List.of(jobs.get(0)));
        assertThat(again.get(0).result().modelVersion()).isEqualTo("test-1");
        assertThat(metrics.completions)
                .as("a redelivered job is not counted again")
                .hasSize(3);
    }
}
