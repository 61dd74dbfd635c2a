package io.glossa.broker;

import io.glossa.pipeline.ResultEvent;
import io.glossa.pipeline.ResultListener;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results handed over in memory from this process's workers to its own result followers (serve: API and workers in
 * one process), so they need not come back through the broker. A result group that was handed over here carries
 * {@link #origin()} in its {@link MessageHeaders#ORIGIN} header, and this process's followers skip it when the broker
 * delivers it; other processes' followers take it as any other.
 */
final class LocalResults {
    private static final Logger LOG = LoggerFactory.getLogger(LocalResults.class);

    private final String origin = UUID.randomUUID().toString();
    private final List<ResultListener> followers = new CopyOnWriteArrayList<>();

    /** This process's mark on the groups it handed over (random: it need only differ between processes). */
    String origin() {
        return origin;
    }

    void follow(ResultListener listener) {
        followers.add(listener);
    }

    void unfollow(ResultListener listener) {
        followers.remove(listener);
    }

    /**
     * Gives the events to every follower in this process, on the calling (worker) thread.
     *
     * @return whether anyone here follows results: only then may the group carry this process's origin
     */
    boolean handOver(List<ResultEvent> events) {
        if (followers.isEmpty()) {
            return false;
        }
        for (ResultListener follower : followers) {
            for (ResultEvent event : events) {
                try {
                    follower.onResult(event);
                } catch (RuntimeException e) {
                    LOG.warn("result follower failed on {}: {}", event.id(), e.toString());
                }
            }
        }
        return true;
    }

    /** Whether a result group's origin header says it was handed over here already. */
    boolean handedOverHere(Object originHeader) {
        return originHeader != null && origin.equals(originHeader.toString());
    }
}
