package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code /health}: the process answers. {@code /ready}: every part it needs (broker, database, model) is usable. */
final class HealthRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);
    private final List<ReadinessCheck> checks;
    private final ObjectMapper json;

    HealthRoutes(List<ReadinessCheck> checks, ObjectMapper json) {
        this.checks = checks;
        this.json = json;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.json(json.createObjectNode().put("status", "alive")));
        routes.get("/ready", this::ready);
    }

    private void ready(Context ctx) {
        ObjectNode body = json.createObjectNode();
        ObjectNode parts = body.putObject("checks");
        boolean all = true;
        StringBuilder down = new StringBuilder();
        for (ReadinessCheck check : checks) {
            boolean ok = isReady(check);
            parts.put(check.name(), ok ? "ready" : "not ready");
            if (!ok) {
                all = false;
                down.append(down.length() == 0 ? "" : ", ").append(check.name());
            }
        }
        body.put("status", all ? "ready" : "not ready");
        if (!all) {
            body.put("detail", "not ready: " + down);
        }
        ctx.status(all ? 200 : 503).json(body);
    }

    private static boolean isReady(ReadinessCheck check) {
        try {
            return check.probe().getAsBoolean();
        } catch (RuntimeException e) {
            LOG.debug("readiness check {} failed: {}", check.name(), e.toString());
            return false;
        }
    }
}
