package io.glossa.web;

import io.javalin.http.Context;
import java.util.concurrent.Semaphore;

/**
 * A budget of bytes for the large request bodies being handled at once. A request whose body is over
 * {@link #SMALL_BYTES} (or of unknown length) reserves its size, at most its route's limit, for as long as it is
 * handled, since its texts stay in memory until they are stored; when the budget is spent, it is answered 503 with
 * Retry-After instead of waiting. Small bodies, the realtime traffic, never touch it.
 *
 * <p>Why: each request holds about its body in texts, so without a bound three 16 MB batches at once could take a
 * good part of a 512 MB heap, and twenty could take all of it.
 */
final class LargeBodies {
    static final long SMALL_BYTES = 64 * 1024;
    private static final int KIB = 1024;

    private final Semaphore kib;
    private final long budgetBytes;

    /** @param budgetBytes at least the largest body of any route, so that one always fits */
    LargeBodies(long budgetBytes) {
        this.budgetBytes = budgetBytes;
        this.kib = new Semaphore((int) Math.min(Integer.MAX_VALUE, budgetBytes / KIB));
    }

    /** An eighth of the heap, and never less than one body of {@code largestBody} bytes. */
    static LargeBodies forHeap(long largestBody) {
        return new LargeBodies(Math.max(largestBody, Runtime.getRuntime().maxMemory() / 8));
    }

    /**
     * Reserves room for this request's body; release it when the request is done.
     * @throws ProblemException 503 when the budget is spent
     */
    Reservation reserve(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared >= 0 && declared <= SMALL_BYTES) {
            return Reservation.NONE;
        }
        int permits = (int) ((Math.min(declared < 0 ? maxBytes : declared, maxBytes) + KIB - 1) / KIB);
        if (!kib.tryAcquire(permits)) {
            ctx.header("Retry-After", "1");
            throw new ProblemException(
                    503,
                    "busy",
                    "Service Busy",
                    "the server is reading as many large request "
                            + "bodies as it has memory for (" + budgetBytes / (1024 * 1024)
                            + " MiB); retry in a second, "
                            + "or send smaller batches");
        }
        return () -> kib.release(permits);
    }

    /** Room held for one request's body. */
    interface Reservation {
        Reservation NONE = () -> {};

        void release();
    }
}
