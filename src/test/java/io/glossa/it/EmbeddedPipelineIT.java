package io.glossa.it;

import io.glossa.app.BrokerSettings;
import io.glossa.broker.EmbeddedBroker;
import io.glossa.broker.EmbeddedBrokerSettings;
import io.glossa.store.StoreSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/** The end-to-end kit against the serve role with its defaults: embedded Qpid broker and embedded SQLite database. */
class EmbeddedPipelineIT extends PipelineKit {
    private Path dataDir;
    private int amqpPort;
    private EmbeddedBroker restarted;

    @Override
    protected StoreSettings store() throws Exception {
        dataDir = Files.createTempDirectory("glossa-embedded-it");
        return StoreSettings.embedded(dataDir, StoreSettings.DEFAULT_POOL_SIZE);
    }

    @Override
    protected BrokerSettings broker() {
        amqpPort = freePort();
        return BrokerSettings.embedded(dataDir, amqpPort);
    }

    @Override
    protected String amqpUri() {
        return "amqp://guest:guest@127.0.0.1:" + amqpPort;
    }

    /** Stops the in-process broker (its clients lose their connections) and starts it again on the same store. */
    @Override
    protected void restartBroker() throws Exception {
        EmbeddedBroker broker = running.broker().embedded().orElseThrow();
        EmbeddedBrokerSettings settings = broker.settings();
        broker.close();
        Thread.sleep(1_000);
        restarted = EmbeddedBroker.start(settings);
    }

    @Override
    protected void installPoison(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER poison BEFORE INSERT ON results FOR EACH ROW "
                    + "WHEN (SELECT body FROM texts WHERE id = NEW.text_id) LIKE '" + POISON + "%' "
                    + "BEGIN SELECT RAISE(ABORT, 'poisoned by the test'); END");
        }
    }

    @Override
    protected void cleanUp() throws Exception {
        if (restarted != null) {
            restarted.close();
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
