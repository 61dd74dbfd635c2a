package io.glossa.pipeline;

import io.glossa.concurrent.Backoff;
import io.glossa.pipeline.DeliveryDecision.Ack;
import io.glossa.pipeline.DeliveryDecision.GiveUp;
import io.glossa.pipeline.DeliveryDecision.Handle;
import io.glossa.pipeline.DeliveryDecision.PutBack;
import io.glossa.pipeline.DeliveryDecision.RetryAfter;
import io.glossa.pipeline.DeliveryDecision.Split;
import io.glossa.pipeline.DeliverySituation.Stage;
import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The fate of a job delivery, as a function of its {@link DeliverySituation}; no broker, no I/O. The rules:
 * <ul>
 *   <li>malformed → give up (failed queue), attempts as they were;</li>
 *   <li>a single job delivered {@code maxRedeliveries} times without an ack (it killed or hung its workers) → give up;</li>
 *   <li>a multi-job message that comes back (redelivered) → split into single jobs, as is;</li>
 *   <li>handled → ack; a multi-job message whose jobs partly failed → split the failed ones, this try counted;</li>
 *   <li>rejected (invalid, unknown text) → give up, this try counted; a multi-job message is split instead;</li>
 *   <li>failed → retry after a backoff until {@code maxAttempts}, then give up; a multi-job message is split;</li>
 *   <li>database outage → put back after the longest backoff, no attempt used up;</li>
 *   <li>the failure could not be recorded → put back after a backoff, one attempt given back.</li>
 * </ul>
 * A split counts attempts below the limit, so that each job gets at least one try of its own before it is failed.
 */
public final class DeliveryPolicy {
    private final int maxAttempts;
    private final int maxRedeliveries;
    private final IntFunction<Duration> pause;

    /**
     * @param pause the pause before retry number n (1-based); see {@link #jittered}
     */
    public DeliveryPolicy(int maxAttempts, int maxRedeliveries, IntFunction<Duration> pause) {
        if (maxAttempts < 1 || maxRedeliveries < 1) {
            throw new IllegalArgumentException("max attempts and max redeliveries must be at least 1, got "
                    + maxAttempts + " and " + maxRedeliveries);
        }
        this.maxAttempts = maxAttempts;
        this.maxRedeliveries = maxRedeliveries;
        this.pause = pause;
    }

    /** A policy whose pauses are {@code backoff}'s, with full jitter. */
    public static DeliveryPolicy jittered(int maxAttempts, int maxRedeliveries, Backoff backoff) {
        return new DeliveryPolicy(maxAttempts, maxRedeliveries, backoff::delay);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public DeliveryDecision decide(DeliverySituation s) {
        Stage stage = s.stage();
        if (stage instanceof Stage.Malformed m) {
            return new GiveUp("malformed message: " + m.why(), s.attempts());
        } else if (stage instanceof Stage.Decoded) {
            return s.multi() ? decodedMulti(s) : decodedSingle(s);
        } else if (stage instanceof Stage.Handled h) {
            return h.failed().isEmpty() ? new Ack() : split(h.failed(), s.attempts() + 1);
        } else if (stage instanceof Stage.Rejected r) {
            return s.multi() ? split(s.jobs(), s.attempts() + 1) : new GiveUp(r.why(), s.attempts() + 1);
        } else if (stage instanceof Stage.Failed f) {
            return s.multi() ? split(s.jobs(), s.attempts() + 1) : failed(f.why(), s.attempts() + 1);
        } else if (stage instanceof Stage.StoreOutage o) {
            return new PutBack(pause.apply(maxAttempts), s.attempts(), "database unreachable (" + o.why() + ")");
        } else if (stage instanceof Stage.FailureNotRecorded n) {
            return new PutBack(
                    pause.apply(n.attempts()),
                    Math.max(0, n.attempts() - 1),
                    "could not record its failure (" + n.why() + ")");
        }
        throw new IllegalArgumentException("no rule for stage " + stage);
    }

    /** A re-verify answer is not the text's result: clients must not see it, done or failed. */
    public static boolean announces(Job job) {
        return !job.isRescore();
    }

    private DeliveryDecision decodedSingle(DeliverySituation s) {
        if (s.redeliveries() >= maxRedeliveries) {
            return new GiveUp(
                    "delivered " + (s.redeliveries() + 1) + " times without an ack "
                            + "(a worker died or lost its connection while handling it)",
                    s.attempts());
        }
        return new Handle();
    }

    private DeliveryDecision decodedMulti(DeliverySituation s) {
        return s.redelivered() || s.redeliveries() > 0 ? split(s.jobs(), s.attempts()) : new Handle();
    }

    private DeliveryDecision failed(String why, int attempts) {
        if (attempts >= maxAttempts) {
            return new GiveUp(why + " (after " + attempts + " attempts)", attempts);
        }
        return new RetryAfter(pause.apply(attempts), attempts, why);
    }

    private Split split(List<Job> parts, int attempts) {
        return new Split(parts, Math.min(attempts, maxAttempts - 1));
    }
}
