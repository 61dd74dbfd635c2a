package io.glossa.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.model.LanguageModel;
import io.glossa.model.Prediction;
import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.Result;
import io.glossa.testing.TestModels;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The candidate's answers go to the shadow store only; the job's result is the active model's. */
class ShadowingHandlerTest {
    private static final byte[] A = TestModels.builtIn();
    private static final byte[] B = TestModels.otherVersion("2027-01-01T00:00:00Z");

    private final InMemoryModelRegistry registry = new InMemoryModelRegistry();
    private final ModelCatalog catalog = new ModelCatalog(registry, ModelAnnouncer.NONE);
    private final ActiveModels models =
            new ActiveModels(registry, LanguageModel.fromBytes(A), "w", ModelMetrics.NONE, Clock.systemUTC());
    private final List<Result> shadowed = new ArrayList<>();
    private String shadowVersion;
    private final Job job = new Job(UUID.randomUUID(), "Hej, hur mår du i dag?", Lane.REALTIME, Instant.now());

    private Result activeAnswer(Job j) {
        LanguageModel model = models.get();
        return new Result(j.id(), model.predict(j.text(), 3), model.version(), Instant.now(), 1);
    }

    /** @return A's version; B's is {@code shadowVersion} */
    private String activateAWithShadowB() {
        String a = catalog.add("a", A, "first").version();
        shadowVersion = catalog.add("b", B, "second").version();
        catalog.activate(a);
        catalog.shadow(shadowVersion);
        models.refresh();
        return a;
    }

    @Test
    void withAShadowTheJobStillReturnsTheActiveResultAndTheCandidateIsStoredApart() throws Exception {
        String a = activateAWithShadowB();

        Result result = new ShadowingHandler(this::activeAnswer, models, shadowed::add, Clock.systemUTC()).handle(job);

        assertThat(result.modelVersion()).isEqualTo(a);
        assertThat(shadowed).singleElement().satisfies(s -> {
            assertThat(s.modelVersion()).isEqualTo(shadowVersion);
            assertThat(s.id()).isEqualTo(job.id());
            assertThat(s.prediction().language()).isEqualTo("sv");
        });
    }

    @Test
    void withoutAShadowNothingIsStoredApart() throws Exception {
        Result result = new ShadowingHandler(this::activeAnswer, models, shadowed::add, Clock.systemUTC()).handle(job);
        assertThat(result.prediction().language()).isEqualTo("sv");
        assertThat(shadowed).isEmpty();
    }

    @Test
    void aFailingShadowStoreDoesNotFailTheJob() throws Exception {
        String a = activateAWithShadowB();
        ShadowResults broken = r -> {
            throw new IllegalStateException("shadow table gone");
        };

        Result result = new ShadowingHandler(this::activeAnswer, models, broken, Clock.systemUTC()).handle(job);

        Prediction p = result.prediction();
        assertThat(p.language()).isEqualTo("sv");
        assertThat(result.modelVersion()).isEqualTo(a);
    }

    @Test
    void theJobsOfAMultiJobMessageAreShadowedToo() throws Exception {
        String a = activateAWithShadowB();
        Job other = new Job(UUID.randomUUID(), "Tere hommikust, kuidas läheb?", Lane.REALTIME, Instant.now());

        List<io.glossa.pipeline.JobOutcome> outcomes = new ShadowingHandler(
                        this::activeAnswer, models, shadowed::add, Clock.systemUTC())
                .handleAll(List.of(job, other));

        assertThat(outcomes)
                .allSatisfy(o -> assertThat(o.result().modelVersion()).isEqualTo(a));
        assertThat(shadowed).extracting(Result::id).containsExactly(job.id(), other.id());
        assertThat(shadowed).allSatisfy(r -> assertThat(r.modelVersion()).isEqualTo(shadowVersion));
    }
}
