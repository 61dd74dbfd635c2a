package io.glossa.pipeline;

import java.util.List;

/**
 * Where one job message's delivery stands, as far as deciding its fate needs: what became of it so far
 * ({@link Stage}), its jobs (none if it could not be decoded), and how often it was tried and delivered.
 *
 * @param stage        what happened last: decoded, handled, failed, …
 * @param jobs         the decoded jobs; empty for a malformed message
 * @param multi        a multi-job message (its jobs share one handler call and one ack)
 * @param attempts     handling attempts counted so far (the message's {@code x-glossa-attempts})
 * @param redeliveries deliveries without an ack so far (the broker's delivery count)
 * @param redelivered  the broker's redelivered flag
 */
public record DeliverySituation(
        Stage stage, List<Job> jobs, boolean multi, int attempts, int redeliveries, boolean redelivered) {
    public DeliverySituation {
        if (stage == null) {
            throw new IllegalArgumentException("a delivery's situation needs its stage");
        }
        jobs = List.copyOf(jobs);
        if (jobs.isEmpty() && !(stage instanceof Stage.Malformed)) {
            throw new IllegalArgumentException("only a malformed message has no jobs, stage " + stage);
        }
        attempts = Math.max(0, attempts);
        redeliveries = Math.max(0, redeliveries);
    }

    /** A message that could not be decoded, with why. */
    public static DeliverySituation malformed(String why, int attempts) {
        return new DeliverySituation(new Stage.Malformed(why), List.of(), false, attempts, 0, false);
    }

    /** The same delivery at its next stage. */
    public DeliverySituation then(Stage next) {
        return new DeliverySituation(next, jobs, multi, attempts, redeliveries, redelivered);
    }

    /** What became of the delivery so far. */
    public sealed interface Stage {
        /** The body or envelope is unusable (not JSON, ids that disagree, too large, …). */
        record Malformed(String why) implements Stage {}

        /** Decoded, not handled yet. */
        record Decoded() implements Stage {}

        /** The handler ran; {@code failed} are the jobs of a multi-job message that failed on their own. */
        record Handled(List<Job> failed) implements Stage {
            public Handled {
                failed = List.copyOf(failed);
            }
        }

        /** The handler refused the job for good (invalid input, no such text): retrying cannot help. */
        record Rejected(String why) implements Stage {}

        /** The handler failed; another try may work. */
        record Failed(String why) implements Stage {}

        /** The database is unreachable: not the job's fault. */
        record StoreOutage(String why) implements Stage {}

        /** Giving up failed too: the job's failure could not be recorded in the store. */
        record FailureNotRecorded(String why, int attempts) implements Stage {}
    }
}
