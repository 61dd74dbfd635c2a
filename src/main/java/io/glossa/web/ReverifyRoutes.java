package io.glossa.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.registry.ReverifyRun;
import io.glossa.registry.ReverifyStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/reverify} (the latest runs) and {@code GET /api/v1/reverify/{run}} (one run: progress, and its
 * report once finished), for the UI's re-verify page.
 */
final class ReverifyRoutes implements RouteGroup {
    static final String PATH = "/api/v1/reverify";
    private static final int LIST_LIMIT = 20;
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ReverifyStore runs;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    public ReverifyRoutes(ReverifyStore runs) {
        this.runs = runs;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::list);
        routes.get(PATH + "/{run}", this::one);
    }

    private void list(Context ctx) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode list = body.putArray("runs");
        for (ReverifyRun run : runs.runs(LIST_LIMIT)) {
            list.add(summary(run));
        }
        ctx.json(body);
    }

    private void one(Context ctx) {
        String raw = ctx.pathParam("run");
        if (!UUID_FORM.matcher(raw).matches()) {
            throw new ProblemException(
                    400,
                    "invalid-id",
                    "Invalid Id",
                    "'" + (raw.length() > 60 ? raw.substring(0, 60) + "…" : raw)
                            + "' is not a re-verify run id; run ids are UUIDs, as glossa reverify prints them");
        }
        ReverifyRun run = runs.find(UUID.fromString(raw))
                .orElseThrow(() -> new ProblemException(
                        404,
                        "unknown-run",
                        "Unknown Run",
                        "no re-verify run " + raw + " (GET " + PATH + " lists the latest)"));
        ObjectNode body = summary(run);
        try {
            body.set("report", run.reportJson() == null ? null : mapper.readTree(run.reportJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored re-verify report is not JSON", e);
        }
        ctx.json(body);
    }

    private ObjectNode summary(ReverifyRun run) {
        ObjectNode node = mapper.createObjectNode();
        node.put("run", run.id().toString());
        node.put("model_version", run.modelVersion());
        node.put("selection", run.selection());
        node.put("total", run.total());
        node.put("scored", run.scored());
        node.put("status", run.finishedAt() == null ? "running" : "finished");
        node.put("created_at", run.createdAt().toString());
        node.put(
                "finished_at",
                run.finishedAt() == null ? null : run.finishedAt().toString());
        return node;
    }
}
