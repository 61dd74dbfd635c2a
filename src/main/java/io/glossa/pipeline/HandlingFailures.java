package io.glossa.pipeline;

import io.glossa.pipeline.DeliverySituation.Stage;

/** What a handler's exception means for its delivery, and the reason text that goes with it. */
public final class HandlingFailures {
    private static final int MAX_REASON = 1_000;

    private HandlingFailures() {}

    /**
     * The stage a handler's exception puts its delivery in: a database outage, a refusal for good (invalid input,
     * unknown text), or a failure another try may fix (anything else, a bug for this one input included).
     */
    public static Stage classify(Throwable e) {
        if (e instanceof StoreUnavailableException store && store.isOutage()) {
            return new Stage.StoreOutage(store.getMessage());
        }
        if (e instanceof JobRejectedException || e instanceof UnknownTextException) {
            return new Stage.Rejected(describe(e));
        }
        return new Stage.Failed(describe(e));
    }

    /** The exception's message, or its type if it has none; at most 1000 characters. */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
        return truncate(text, MAX_REASON);
    }

    public static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
