package io.glossa.pipeline;

/** Receives result events from the results exchange (for long-polling, SSE, dashboards). */
@FunctionalInterface
public interface ResultListener {
    void onResult(ResultEvent event);
}
