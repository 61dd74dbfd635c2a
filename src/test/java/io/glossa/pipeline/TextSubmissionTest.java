package io.glossa.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.pipeline.InvalidSubmissionException.Reason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSubmissionTest {
    private final InMemoryTextStore store = new InMemoryTextStore();
    private final List<Job> signalled = new ArrayList<>();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final TextSubmission submission =
            new TextSubmission(store, new SubmissionLimits(10, 3), signalled::addAll, metrics);

    @Test
    void acceptedTextIsStoredPendingAndSignalled() {
        Job job = submission.submit("hej då");
        assertThat(store.find(job.id())).get().extracting(TextRecord::status).isEqualTo(TextStatus.PENDING);
        assertThat(signalled).containsExactly(job);
        assertThat(job.lane()).isEqualTo(Lane.REALTIME);
    }

    @Test
    void acceptedTextsAreCountedPerLane() {
        submission.submit("hej");
        submission.submitBatch(List.of("a", "b"), Lane.BATCH);
        assertThat(metrics.acceptedLanes).containsExactly(Lane.REALTIME, Lane.BATCH, Lane.BATCH);
    }

    @Test
    void emptyAndBlankTextsAreRefused() {
        for (String text : new String[] {null, "", "  \n\t"}) {
            assertThatThrownBy(() -> submission.submit(text))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .extracting(e -> ((InvalidSubmissionException) e).reason())
                    .isEqualTo(Reason.EMPTY_TEXT);
        }
        assertThat(store.unpublishedCount()).isZero();
    }

    @Test
    void sizeIsMeasuredInUtf8Bytes() {
        submission.submit("åäöåä"); // 10 bytes: at the limit
        assertThatThrownBy(() -> submission.submit("åäöåäx")) // 11 bytes
                .hasMessageContaining("11 bytes")
                .hasMessageContaining("limit is 10")
                .extracting(e -> ((InvalidSubmissionException) e).reason())
                .isEqualTo(Reason.TEXT_TOO_LARGE);
        submission.submit("😀😀"); // two 4-byte code points = 8 bytes
    }

    @Test
    void textsNoStoreCanKeepAreRefused() {
        assertThatThrownBy(() -> submission.submit("a\u0000b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> submission.submit("a\ud800b")).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> submission.submit("a\udc00")).hasMessageContaining("unpaired surrogate");
    }

    @Test
    void batchKeepsOrderAndIsAllOrNothing() {
        List<Job> jobs = submission.submitBatch(List.of("a", "b", "c"), Lane.BATCH);
        assertThat(jobs).extracting(Job::text).containsExactly("a", "b", "c");
        assertThat(jobs).extracting(Job::lane).containsOnly(Lane.BATCH);

        assertThatThrownBy(() -> submission.submitBatch(List.of("ok", " "), Lane.BATCH))
                .hasMessageStartingWith("texts[1]: ");
        assertThatThrownBy(() -> submission.submitBatch(List.of("a", "b", "c", "d"), Lane.BATCH))
                .extracting(e -> ((InvalidSubmissionException) e).reason())
                .isEqualTo(Reason.BATCH_TOO_LARGE);
        assertThatThrownBy(() -> submission.submitBatch(Collections.emptyList(), Lane.BATCH))
                .extracting(e -> ((InvalidSubmissionException) e).reason())
                .isEqualTo(Reason.EMPTY_BATCH);
        assertThat(store.unpublishedCount()).isEqualTo(3);
    }
}
