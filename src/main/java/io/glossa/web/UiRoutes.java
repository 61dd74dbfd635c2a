package io.glossa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.glossa.model.LabelInfo;
import io.glossa.pipeline.FeedbackStore;
import io.glossa.pipeline.ResultFanout;
import io.glossa.pipeline.TextHistory;
import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the web UI needs beyond the texts API: history, feedback, the language list, dashboard stats, lane load for pacing clients (the security
 * headers are the server's own, see {@link ApiServer}). Add it with {@link ApiServer#with(RouteGroup)}.
 */
public final class UiRoutes implements RouteGroup, AutoCloseable {
    private final List<RouteGroup> groups;
    private final StatsSampler sampler;

    /**
     * @param sampler            keeps the dashboard's last 15 minutes (the caller starts and closes it)
     * @param tally              must also be registered with the process's result fanout
     * @param loadedModelVersion the model this process loaded, or null (api role)
     */
    UiRoutes(
            TextHistory history,
            FeedbackStore feedback,
            LanguageCatalog catalog,
            MeterRegistry registry,
            StatsSampler sampler,
            Supplier<List<QueueDepth>> queues,
            ResultTally tally,
            Supplier<String> loadedModelVersion) {
        ObjectMapper json = JsonMapper.builder().build();
        this.sampler = sampler;
        this.groups = List.of(
                new HistoryRoutes(history, json),
                new FeedbackRoutes(feedback, catalog, json),
                new LanguageRoutes(catalog, json),
                new StatsRoutes(registry, sampler.history(), queues, tally, loadedModelVersion, json),
                new LaneRoutes(
                        sampler,
                        () -> new MeterReadings(registry).count(MeterReadings.ACCEPTED, "lane", "realtime"),
                        queues,
                        json));
    }

    /**
     * The UI's routes, sampling the dashboard's 15-minute history from now until {@link #close}.
     * @param languages          the languages users may pick
     * @param results            the process's result fanout: the dashboard's tally of languages listens to it
     * @param loadedModelVersion the model this process loaded, or null (api role)
     */
    public static UiRoutes start(
            TextHistory history,
            FeedbackStore feedback,
            List<LabelInfo> languages,
            MeterRegistry registry,
            Supplier<List<QueueDepth>> queues,
            ResultFanout results,
            Supplier<String> loadedModelVersion) {
        ResultTally tally = new ResultTally(registry);
        results.add(tally);
        StatsSampler sampler = new StatsSampler(registry, Clock.systemUTC()).start();
        return new UiRoutes(
                history,
                feedback,
                new LanguageCatalog(languages),
                registry,
                sampler,
                queues,
                tally,
                loadedModelVersion);
    }

    @Override
    public void register(RoutesConfig routes) {
        groups.forEach(group -> group.register(routes));
    }

    /** Stops sampling the dashboard's history. */
    @Override
    public void close() {
        sampler.close();
    }
}
