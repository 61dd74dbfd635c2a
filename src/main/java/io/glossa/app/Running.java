package io.glossa.app;

import io.glossa.broker.BrokerSession;
import io.glossa.store.JdbcTextStore;
import io.glossa.web.ApiServer;
import java.util.Optional;

/**
 * A started pipeline process: what tests and the command need to reach, and the lifecycle that stops it.
 *
 * @param server empty for a worker
 */
public record Running(Lifecycle lifecycle, JdbcTextStore store, BrokerSession broker, Optional<ApiServer> server)
        implements AutoCloseable {
    public int port() {
        return server.orElseThrow(() -> new IllegalStateException("this process has no HTTP server"))
                .port();
    }

    /**
     * Runs until SIGTERM/Ctrl+C (or until a vital part dies, see {@link Watchdog}), then stops everything.
     * @return why it stopped
     */
    public StopReason serveUntilStopped() throws InterruptedException {
        try {
            return lifecycle.awaitStop();
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
