package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JobPackingTest {
    static Job job(String text, Lane lane) {
        return new Job(UUID.randomUUID(), text, lane, Instant.EPOCH);
    }

    static List<Job> jobs(int n, Lane lane) {
        return IntStream.range(0, n).mapToObj(i -> job("text " + i, lane)).toList();
    }

    @Test
    void jobsOfALaneShareMessagesUpToTheLimitInTheirOrder() {
        List<Job> realtime = jobs(7, Lane.REALTIME);

        assertThat(JobPacking.upTo(3).pack(realtime))
                .containsExactly(realtime.subList(0, 3), realtime.subList(3, 6), realtime.subList(6, 7));
        assertThat(JobPacking.upTo(1).pack(realtime))
                .as("one per message")
                .hasSize(7)
                .allMatch(m -> m.size() == 1);
        assertThat(JobPacking.upTo(50).pack(List.of())).isEmpty();
    }

    @Test
    void lanesNeverShareAMessage() {
        Job a = job("a", Lane.REALTIME);
        Job b = job("b", Lane.BATCH);
        Job c = job("c", Lane.REALTIME);
        Job d = job("d", Lane.BATCH);

        assertThat(JobPacking.upTo(50).pack(List.of(a, b, c, d))).containsExactly(List.of(a, c), List.of(b, d));
    }

    @Test
    void aMessageStaysUnderTheByteBudgetAndABigTextGoesAlone() {
        String quarter = "x".repeat(JobPacking.MAX_PACKED_BYTES / 12); // 3 bytes per char assumed: a quarter each
        List<Job> big =
                IntStream.range(0, 5).mapToObj(i -> job(quarter, Lane.REALTIME)).toList();
        Job huge = job("y".repeat(JobPacking.MAX_PACKED_BYTES), Lane.REALTIME);
        Job small = job("z", Lane.REALTIME);

        List<List<Job>> messages = JobPacking.upTo(50)
                .pack(List.of(big.get(0), big.get(1), big.get(2), big.get(3), big.get(4), huge, small));

        assertThat(messages).containsExactly(big.subList(0, 3), big.subList(3, 5), List.of(huge), List.of(small));
    }

    @Test
    void aSmallerByteBudgetSplitsSooner() {
        List<Job> jobs = IntStream.range(0, 4)
                .mapToObj(i -> job("x".repeat(100), Lane.REALTIME))
                .toList();

        // each job counts 120 + 3 × 100 bytes: two fit in 1,024
        assertThat(new JobPacking(50, 1024).pack(jobs)).containsExactly(jobs.subList(0, 2), jobs.subList(2, 4));
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThatThrownBy(() -> JobPacking.upTo(0).pack(jobs(1, Lane.BATCH))).hasMessageContaining("at least 1");
    }
}
