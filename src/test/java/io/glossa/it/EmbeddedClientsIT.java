package io.glossa.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The clients against `glossa serve` with no options: embedded Qpid broker and embedded SQLite database. */
class EmbeddedClientsIT extends ClientsKit {
    private Path dataDir;
    private int amqpPort;

    @Override
    protected List<String> backendArgs() throws Exception {
        dataDir = Files.createTempDirectory("glossa-clients-it");
        amqpPort = PipelineKit.freePort();
        return List.of("--data-dir", dataDir.toString(), "--amqp-port", String.valueOf(amqpPort));
    }

    @Override
    protected String amqpUri() {
        return "amqp://guest:guest@127.0.0.1:" + amqpPort;
    }

    @Override
    protected void cleanUp() throws Exception {
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
