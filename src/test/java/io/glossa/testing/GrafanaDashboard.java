package io.glossa.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The panels of a Grafana dashboard JSON file and the PromQL queries in them (rows' nested panels included). */
public record GrafanaDashboard(List<Query> queries) {
    /** One query of one panel. */
    public record Query(String panel, String expression) {}

    public static GrafanaDashboard read(Path file) throws IOException {
        List<Query> queries = new ArrayList<>();
        collect(new ObjectMapper().readTree(file.toFile()).path("panels"), queries);
        return new GrafanaDashboard(List.copyOf(queries));
    }

    private static void collect(JsonNode panels, List<Query> into) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    into.add(new Query(
                            panel.path("title").asText(), target.get("expr").asText()));
                }
            }
            collect(panel.path("panels"), into);
        }
    }
}
