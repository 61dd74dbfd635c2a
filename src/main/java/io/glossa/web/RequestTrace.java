package io.glossa.web;

import io.glossa.pipeline.TraceContext;
import io.javalin.http.Context;

/**
 * The W3C trace context of a submission: the request's {@code traceparent} continued with a span id of this API's
 * own, or a new trace when the request has none or an invalid one (never an error). Made once per request, shared
 * by every text it submits, and remembered on the request for the access log.
 */
final class RequestTrace {
    static final String HEADER = "traceparent";
    private static final String ATTRIBUTE = "glossa.trace";

    private RequestTrace() {
    }

    static TraceContext of(Context ctx) {
        TraceContext trace = ctx.attribute(ATTRIBUTE);
        if (trace == null) {
            trace = TraceContext.continueOrStart(ctx.header(HEADER));
            ctx.attribute(ATTRIBUTE, trace);
        }
        return trace;
    }

    /** The context {@link #of} made for this request, or null if it submitted nothing. */
    static TraceContext ofAnswered(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
