package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.pipeline.HistoryItem;
import io.glossa.pipeline.TextHistory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/v1/texts?limit=N}: the latest submissions, newest first, with their texts: the requesting key's
 * own, or everyone's for an admin key or when keys are not required.
 */
final class HistoryRoutes implements RouteGroup {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private final TextHistory history;
    private final TextJson json;
    private final ObjectMapper mapper;

    HistoryRoutes(TextHistory history, ObjectMapper mapper) {
        this.history = history;
        this.json = new TextJson(mapper);
        this.mapper = mapper;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(TextJson.TEXTS_PATH, this::recent);
    }

    private void recent(Context ctx) {
        int limit = limit(ctx.queryParam("limit"));
        ObjectNode body = mapper.createObjectNode();
        ArrayNode texts = body.putArray("texts");
        for (HistoryItem item : history.recent(limit, Requesters.of(ctx))) {
            texts.add(json.record(item.record()).put("text", item.text()));
        }
        ctx.json(body);
    }

    static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(
                400,
                "invalid-limit",
                "Invalid Limit",
                "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + ProblemException.abbreviate(raw)
                        + "'");
    }
}
