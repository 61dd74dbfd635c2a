package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.glossa.pipeline.FeedbackStore;
import io.glossa.pipeline.TextHistory;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the web UI needs beyond the texts API: history, feedback, the language list, dashboard stats, lane load for pacing clients (the security
 * headers are the server's own, see {@link ApiServer}). Add it with {@link ApiServer#with(RouteGroup)}.
 */
public final class UiRoutes implements RouteGroup {
    private final List<RouteGroup> groups;

    /**
     * @param sampler            keeps the dashboard's last 15 minutes (the caller starts and closes it)
     * @param tally              must also be registered with the process's result fanout
     * @param loadedModelVersion the model this process loaded, or null (api role)
     */
    public UiRoutes(
            TextHistory history,
            FeedbackStore feedback,
            LanguageCatalog catalog,
            MeterRegistry registry,
            StatsSampler sampler,
            Supplier<List<QueueDepth>> queues,
            ResultTally tally,
            Supplier<String> loadedModelVersion) {
        ObjectMapper json = JsonMapper.builder().build();
        this.groups = List.of(
                new HistoryRoutes(history, json),
                new FeedbackRoutes(feedback, catalog, json),
                new LanguageRoutes(catalog, json),
                new StatsRoutes(registry, sampler.history(), queues, tally, loadedModelVersion, json),
                new LaneRoutes(sampler, queues, json));
    }

    @Override
    public void register(RoutesConfig routes) {
        groups.forEach(group -> group.register(routes));
    }
}
