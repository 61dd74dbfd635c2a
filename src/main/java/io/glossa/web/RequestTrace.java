package io.glossa.web;

import io.glossa.pipeline.Job;
import io.glossa.pipeline.Lane;
import io.glossa.pipeline.TraceAttributes;
import io.glossa.pipeline.TraceContext;
import io.glossa.pipeline.TracedSpan;
import io.glossa.pipeline.Tracing;
import io.javalin.http.Context;
import java.util.List;

/**
 * The W3C trace context of a submission: the request's {@code traceparent} continued with a span id of this API's
 * own, or a new trace when the request has none or an invalid one (never an error). Made once per request, shared
 * by every text it submits, and remembered on the request for the access log. With tracing on, that span id is an
 * exported server span's, ended when the request is answered.
 */
final class RequestTrace {
    static final String HEADER = "traceparent";
    private static final String ATTRIBUTE = "glossa.trace";
    private static final String SPAN = "glossa.span";

    private RequestTrace() {}

    static TraceContext of(Context ctx, Tracing tracing) {
        TraceContext trace = ctx.attribute(ATTRIBUTE);
        if (trace == null) {
            trace = tracing.enabled() ? startSpan(ctx, tracing) : TraceContext.continueOrStart(ctx.header(HEADER));
            ctx.attribute(ATTRIBUTE, trace);
        }
        return trace;
    }

    /** The server span of this request, kept on it until {@link #end}; its context is what the texts carry on. */
    private static TraceContext startSpan(Context ctx, Tracing tracing) {
        String method = ctx.method().name();
        TracedSpan span = tracing.start(
                        Tracing.Kind.SERVER, method + " " + ctx.path(), TraceContext.parse(ctx.header(HEADER)))
                .set("http.request.method", method)
                .set("http.route", ctx.path());
        ctx.attribute(SPAN, span);
        return span.context();
    }

    /** What the request's span (if any) says about the texts it got accepted. */
    static void accepted(Context ctx, List<Job> jobs, Lane lane) {
        TracedSpan span = ctx.attribute(SPAN);
        if (span != null) {
            span.set(TraceAttributes.LANE, lane.key()).set(TraceAttributes.TEXTS, jobs.size());
            if (jobs.size() == 1) {
                span.set(TraceAttributes.TEXT_ID, jobs.get(0).id().toString());
            }
        }
    }

    /** Ends the request's span, if it has one, with the status it was answered with. */
    static void end(Context ctx) {
        TracedSpan span = ctx.attribute(SPAN);
        if (span != null) {
            int status = ctx.statusCode();
            span.set("http.response.status_code", status);
            if (status >= 500) {
                span.fail(new IllegalStateException("answered " + status));
            }
            span.end();
        }
    }

    /** The context {@link #of} made for this request, or null if it submitted nothing. */
    static TraceContext ofAnswered(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
