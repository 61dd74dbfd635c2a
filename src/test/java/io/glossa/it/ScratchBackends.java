package io.glossa.it;

import io.glossa.app.BrokerSettings;
import io.glossa.broker.AmqpEndpoint;
import io.glossa.broker.Topology;
import io.glossa.store.StoreSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A RabbitMQ virtual host and a PostgreSQL database of one's own on the shared local servers, so tests never
 * disturb each other or other helpers' tests; {@link #close()} removes both.
 */
final class ScratchBackends implements AutoCloseable {
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    final String database;
    final String vhost;

    ScratchBackends() throws Exception {
        database = "glossa_it_" + PipelineKit.random();
        vhost = database.replace('_', '-');
        rabbitmqctl("add_vhost", vhost);
        rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        sql("CREATE DATABASE " + database);
    }

    String amqpUri() {
        return "amqp://guest:guest@127.0.0.1:5672/" + vhost;
    }

    String dbUrl() {
        return POSTGRES + database;
    }

    /** This database, as the commands' {@code --db-url ... --db-user postgres} give it. */
    StoreSettings store() {
        return new StoreSettings(dbUrl(), "postgres", null, StoreSettings.DEFAULT_POOL_SIZE);
    }

    /** This virtual host, as {@code --amqp-uri} gives it. */
    BrokerSettings broker() {
        return BrokerSettings.external(AmqpEndpoint.parse(amqpUri(), "guest", "guest"), Topology.defaults());
    }

    List<String> args() {
        return List.of("--amqp-uri", amqpUri(), "--db-url", dbUrl(), "--db-user", "postgres");
    }

    /** The broker closes every connection of this virtual host, as in a restart; clients must recover. */
    void closeConnections() throws Exception {
        rabbitmqctl("close_all_connections", "-p", vhost, "glossa IT: simulated broker restart");
    }

    @Override
    public void close() throws Exception {
        try {
            rabbitmqctl("delete_vhost", vhost);
        } finally {
            sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void sql(String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private static void rabbitmqctl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
        }
    }
}
