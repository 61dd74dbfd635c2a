package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.model.LabelInfo;
import io.javalin.config.RoutesConfig;

/** {@code GET /api/v1/languages}: the model's labels with English and native names (the feedback picker). */
final class LanguageRoutes implements RouteGroup {
    private final byte[] body;

    LanguageRoutes(LanguageCatalog catalog, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        ArrayNode languages = node.putArray("languages");
        for (LabelInfo label : catalog.languages()) {
            languages
                    .addObject()
                    .put("code", label.code())
                    .put("name", label.name())
                    .put("native", label.nativeName());
        }
        this.body = node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(
                "/api/v1/languages", ctx -> ctx.contentType("application/json").result(body));
    }
}
