package io.glossa.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.glossa.pipeline.BrokerUnavailableException;
import io.glossa.pipeline.IdempotencyConflictException;
import io.glossa.pipeline.InvalidSubmissionException;
import io.glossa.pipeline.StoreUnavailableException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into {@code application/problem+json}; an unexpected one is logged and answered generically. */
final class ProblemResponses {
    static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.exception(ProblemException.class, (e, ctx) -> send(ctx, e.problem()));
        routes.exception(InvalidSubmissionException.class, (e, ctx) -> send(ctx, forSubmission(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> send(ctx, forJavalin(e, ctx)));
        routes.exception(
                IdempotencyConflictException.class,
                (e, ctx) ->
                        send(ctx, Problem.of(422, "idempotency-key-reused", "Idempotency Key Reused", e.getMessage())));
        routes.exception(
                BrokerUnavailableException.class,
                (e, ctx) -> send(
                        ctx,
                        Problem.of(
                                503,
                                "unavailable",
                                "Service Unavailable",
                                "the message broker is unavailable; retry later")));
        routes.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            send(
                    ctx,
                    Problem.of(503, "unavailable", "Service Unavailable", "the database is unavailable; retry later"));
        });
        routes.exception(Exception.class, (e, ctx) -> send(ctx, unexpected(e, ctx)));
        // routes that do not exist, and methods a route does not have (Javalin answers those without an exception)
        routes.error(404, ctx -> sendUnlessProblem(ctx, notFound(ctx)));
        routes.error(405, ctx -> sendUnlessProblem(ctx, notAllowed(ctx)));
    }

    private static Problem notFound(Context ctx) {
        return Problem.of(
                404,
                "not-found",
                "Not Found",
                "no resource at " + ctx.method() + " " + ctx.path() + "; see /openapi.json for the API");
    }

    private static Problem notAllowed(Context ctx) {
        return Problem.of(
                405,
                "method-not-allowed",
                "Method Not Allowed",
                ctx.method() + " is not allowed on " + ctx.path() + "; see /openapi.json for the API");
    }

    static Problem forSubmission(InvalidSubmissionException e) {
        return switch (e.reason()) {
            case EMPTY_TEXT -> Problem.of(400, "empty-text", "Empty Text", e.getMessage());
            case INVALID_TEXT -> Problem.of(400, "invalid-text", "Invalid Text", e.getMessage());
            case EMPTY_BATCH -> Problem.of(400, "empty-batch", "Empty Batch", e.getMessage());
            case TEXT_TOO_LARGE -> Problem.of(413, "text-too-large", "Text Too Large", e.getMessage());
            case BATCH_TOO_LARGE -> Problem.of(413, "batch-too-large", "Batch Too Large", e.getMessage());
            case INVALID_QUESTION -> Problem.of(400, "invalid-field", "Invalid Field", e.getMessage());
        };
    }

    private static Problem forJavalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 404) {
            return notFound(ctx);
        }
        if (status == 405) {
            allow(e, ctx);
            return notAllowed(ctx);
        }
        if (status == 413) {
            return Problem.of(
                    413, "body-too-large", "Payload Too Large", "the request body is larger than this server accepts");
        }
        if (status >= 500) {
            return Problem.of(status, "server-error", "Server Error", "the server could not answer this request");
        }
        return Problem.of(status, "http-" + status, e.getMessage(), e.getMessage());
    }

    /** RFC 9110 wants the methods a 405's resource has in Allow; Javalin names them in the exception's details. */
    private static void allow(HttpResponseException e, Context ctx) {
        String methods =
                e.getDetails().getOrDefault("availableMethods", e.getDetails().get("Available methods"));
        if (methods != null) {
            ctx.header("Allow", String.join(", ", methods.split("\\s*,\\s*")));
        }
    }

    private static Problem unexpected(Exception e, Context ctx) {
        String incident = UUID.randomUUID().toString();
        LOG.error("unexpected failure on {} {} (incident {})", ctx.method(), ctx.path(), incident, e);
        return Problem.of(
                500,
                "server-error",
                "Internal Server Error",
                "the server failed to answer this request; it was logged as incident " + incident);
    }

    private void sendUnlessProblem(Context ctx, Problem problem) {
        String type = ctx.res().getContentType();
        if (type == null || !type.startsWith(CONTENT_TYPE)) {
            send(ctx, problem);
        }
    }

    void send(Context ctx, Problem problem) {
        ctx.status(problem.status());
        try {
            ctx.contentType(CONTENT_TYPE).result(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serialises", e);
        }
    }
}
