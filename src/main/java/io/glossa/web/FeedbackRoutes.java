package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glossa.model.LabelInfo;
import io.glossa.pipeline.Feedback;
import io.glossa.pipeline.FeedbackStore;
import io.glossa.pipeline.UnknownTextException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * {@code POST /api/v1/texts/{id}/feedback {"language":"sv"}}: a user's label for a text, stored with it and its
 * author. Another key's text answers 404 as an unknown id: a key labels only its own texts (admin keys any).
 */
final class FeedbackRoutes implements RouteGroup {
    private static final long MAX_BODY_BYTES = 4096;
    private static final BodyShape SHAPE = BodyShape.strings("language");
    private final FeedbackStore feedback;
    private final LanguageCatalog catalog;
    private final ObjectMapper json;

    FeedbackRoutes(FeedbackStore feedback, LanguageCatalog catalog, ObjectMapper json) {
        this.feedback = feedback;
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(TextJson.TEXTS_PATH + "/{id}/feedback", this::add);
    }

    private void add(Context ctx) {
        UUID id = TextIds.parse(ctx.pathParam("id"));
        String language = language(JsonBody.read(ctx, MAX_BODY_BYTES, SHAPE));
        Feedback stored;
        try {
            stored = feedback.add(id, language, Requesters.of(ctx));
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

    private String language(BodyFields body) {
        String code = body.string("language");
        if (code == null) {
            throw body.missing("language", "{\"language\": \"sv\"}");
        }
        if (!catalog.contains(code)) {
            String shown = code.length() > 20 ? code.substring(0, 20) + "…" : code;
            throw new ProblemException(
                    400,
                    "unknown-language",
                    "Unknown Language",
                    "'" + shown + "' is not a language of the model; GET /api/v1/languages lists the codes");
        }
        return code;
    }
}
