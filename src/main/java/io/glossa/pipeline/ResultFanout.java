package io.glossa.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands every result event to each registered listener; one failing listener does not starve the others. */
public final class ResultFanout implements ResultListener {
    private static final Logger LOG = LoggerFactory.getLogger(ResultFanout.class);
    private final List<ResultListener> listeners = new CopyOnWriteArrayList<>();

    public void add(ResultListener listener) {
        listeners.add(listener);
    }

    public void remove(ResultListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void onResult(ResultEvent event) {
        for (ResultListener listener : listeners) {
            try {
                listener.onResult(event);
            } catch (RuntimeException e) {
                LOG.warn("a result listener failed for {}: {}", event.id(), e.toString());
            }
        }
    }
}
