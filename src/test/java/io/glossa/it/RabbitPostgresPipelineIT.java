package io.glossa.it;

import io.glossa.app.BrokerSettings;
import io.glossa.store.StoreSettings;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The end-to-end kit against RabbitMQ (127.0.0.1:5672) and PostgreSQL (127.0.0.1:5432), each run in its own
 * virtual host and database; the "broker restart" closes every connection of that virtual host.
 */
class RabbitPostgresPipelineIT extends PipelineKit {
    private ScratchBackends backends;

    @Override
    protected StoreSettings store() throws Exception {
        backends = new ScratchBackends();
        return backends.store();
    }

    @Override
    protected BrokerSettings broker() {
        return backends.broker();
    }

    @Override
    protected String amqpUri() {
        return backends.amqpUri();
    }

    @Override
    protected void restartBroker() throws Exception {
        backends.closeConnections();
    }

    @Override
    protected void installPoison(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE FUNCTION refuse_poison() RETURNS trigger AS $$
                    BEGIN
                      IF (SELECT body FROM texts WHERE id = NEW.text_id) LIKE 'POISON%' THEN
                        RAISE EXCEPTION 'poisoned by the test';
                      END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""");
            statement.execute(
                    "CREATE TRIGGER poison BEFORE INSERT ON results FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
        }
    }

    @Override
    protected void cleanUp() throws Exception {
        if (backends != null) {
            backends.close();
        }
    }
}
