package io.glossa.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.model.LabelInfo;
import io.glossa.pipeline.Feedback;
import io.glossa.pipeline.FeedbackStore;
import io.glossa.pipeline.UnknownTextException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.UUID;

/** {@code POST /api/v1/texts/{id}/feedback {"language":"sv"}}: a user's label for a text, stored with it. */
final class FeedbackRoutes implements RouteGroup {
    private static final long MAX_BODY_BYTES = 4096;
    private final FeedbackStore feedback;
    private final LanguageCatalog catalog;
    private final ObjectMapper json;

    FeedbackRoutes(FeedbackStore feedback, LanguageCatalog catalog, ObjectMapper json) {
        this.feedback = feedback;
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    public void register(Javalin app) {
        app.post(TextJson.TEXTS_PATH + "/{id}/feedback", this::add);
    }

    private void add(Context ctx) {
        UUID id = TextIds.parse(ctx.pathParam("id"));
        JsonNode body = JsonBody.read(ctx, MAX_BODY_BYTES);
        String language = language(body);
        Feedback stored;
        try {
            stored = feedback.add(id, language);
        } catch (UnknownTextException e) {
            throw new ProblemException(404, "unknown-id", "Unknown Id", "no text has the id " + id);
        }
        LabelInfo info = catalog.get(language);
        ObjectNode answer = json.createObjectNode();
        answer.put("id", stored.id());
        answer.put("text_id", stored.textId().toString());
        answer.put("language", info.code());
        answer.put("name", info.name());
        answer.put("native", info.nativeName());
        answer.put("created_at", stored.createdAt().toString());
        ctx.status(201).json(answer);
    }

    private String language(JsonNode body) {
        JsonNode value = body.get("language");
        if (value == null || value.isNull()) {
            throw new ProblemException(400, "missing-field", "Missing Field",
                    "the field 'language' is required: {\"language\": \"sv\"}");
        }
        if (!value.isTextual()) {
            throw new ProblemException(400, "wrong-type", "Wrong Field Type", "'language' must be a string");
        }
        String code = value.textValue();
        if (!catalog.contains(code)) {
            String shown = code.length() > 20 ? code.substring(0, 20) + "…" : code;
            throw new ProblemException(400, "unknown-language", "Unknown Language",
                    "'" + shown + "' is not a language of the model; GET /api/v1/languages lists the codes");
        }
        return code;
    }
}
