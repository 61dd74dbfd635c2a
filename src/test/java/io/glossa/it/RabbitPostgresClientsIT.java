package io.glossa.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The clients against RabbitMQ (127.0.0.1:5672) and PostgreSQL (127.0.0.1:5432), in a scratch vhost and database. */
class RabbitPostgresClientsIT extends ClientsKit {
    private ScratchBackends backends;
    private Path dataDir;

    @Override
    protected List<String> backendArgs() throws Exception {
        backends = new ScratchBackends();
        dataDir = Files.createTempDirectory("glossa-rabbit-clients-it");
        List<String> args = new ArrayList<>(backends.args());
        args.addAll(List.of("--data-dir", dataDir.toString()));
        return args;
    }

    @Override
    protected String amqpUri() {
        return backends.amqpUri();
    }

    @Override
    protected void cleanUp() throws Exception {
        try {
            if (backends != null) {
                backends.close();
            }
        } finally {
            if (dataDir != null) {
                Files.deleteIfExists(dataDir);
            }
        }
    }
}
