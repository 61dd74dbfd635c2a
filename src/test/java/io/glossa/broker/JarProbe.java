package io.glossa.broker;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run by {@link EmbeddedBrokerJarIT} against the shaded glossa.jar: starts the embedded broker, connects, declares
 * the topology and prints the detected flavour. Arguments: dataDir port.
 */
public final class JarProbe {
    public static void main(String[] args) {
        try (EmbeddedBroker embedded = EmbeddedBroker.start(
                        new EmbeddedBrokerSettings(Path.of(args[0]), Integer.parseInt(args[1]), "guest", "guest"));
                AmqpBroker broker = AmqpBroker.connect(
                        embedded.endpoint(),
                        new Topology("jar-probe"),
                        ConnectSettings.defaults().withFirstConnectTimeout(Duration.ofSeconds(20)),
                        "jar-probe")) {
            System.out.println("FLAVOUR " + broker.flavour());
        }
    }
}
