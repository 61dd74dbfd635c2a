package io.glossa.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The end-to-end kit against RabbitMQ (127.0.0.1:5672) and PostgreSQL (127.0.0.1:5432). Each run gets its own
 * RabbitMQ virtual host and its own database, so other tests using the same servers are never disturbed, and the
 * "broker restart" closes only this virtual host's connections.
 */
class RabbitPostgresPipelineIT extends PipelineKit {
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private final String name = "glossa_it_" + random();
    private final String vhost = name.replace('_', '-');
    private Path dataDir;

    @Override
    protected List<String> backendArgs() throws Exception {
        rabbitmqctl("add_vhost", vhost);
        rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
        try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        dataDir = Files.createTempDirectory("glossa-rabbit-it");
        return List.of("--amqp-uri", amqpUri(), "--db-url", POSTGRES + name, "--db-user", "postgres",
                "--data-dir", dataDir.toString());
    }

    @Override
    protected String amqpUri() {
        return "amqp://guest:guest@127.0.0.1:5672/" + vhost;
    }

    /** Every connection of this run is closed by the broker, as in a restart; clients must recover on their own. */
    @Override
    protected void restartBroker() throws Exception {
        rabbitmqctl("close_all_connections", "-p", vhost, "glossa IT: simulated broker restart");
    }

    @Override
    protected void installPoison(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE FUNCTION refuse_poison() RETURNS trigger AS $$
                    BEGIN
                      IF (SELECT body FROM texts WHERE id = NEW.text_id) LIKE 'POISON%' THEN
                        RAISE EXCEPTION 'poisoned by the test';
                      END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""");
            statement.execute("CREATE TRIGGER poison BEFORE INSERT ON results FOR EACH ROW EXECUTE FUNCTION refuse_poison()");
        }
    }

    @Override
    protected void cleanUp() throws Exception {
        try {
            rabbitmqctl("delete_vhost", vhost);
        } finally {
            try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            if (dataDir != null) {
                Files.deleteIfExists(dataDir);
            }
        }
    }

    private static void rabbitmqctl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("rabbitmqctl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " failed: " + output);
        }
    }
}
