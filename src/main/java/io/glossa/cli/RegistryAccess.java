package io.glossa.cli;

import io.glossa.broker.BrokerSession;
import io.glossa.broker.ModelAnnouncementCodec;
import io.glossa.registry.ModelAnnouncement;
import io.glossa.registry.ModelAnnouncer;
import io.glossa.registry.ModelCatalog;
import io.glossa.registry.ModelRegistry;
import io.glossa.store.Database;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * The registry as the {@code glossa models} commands reach it: the store of {@code --data-dir} / {@code --db-url},
 * and the broker to announce changes on: {@code --amqp-uri}, or the embedded broker of a serve running on this data
 * dir. If no broker answers, the change is still recorded and workers take it up at their next model check.
 */
final class RegistryAccess implements AutoCloseable {
    private final Database database;
    private final ModelRegistry registry;

    private RegistryAccess(Database database) {
        this.database = database;
        this.registry = database.modelRegistry(Clock.systemUTC());
    }

    static RegistryAccess open(StoreOptions store) {
        return new RegistryAccess(store.openDatabase());
    }

    ModelRegistry registry() {
        return registry;
    }

    Database database() {
        return database;
    }

    ModelCatalog catalog() {
        return new ModelCatalog(registry, ModelAnnouncer.NONE);
    }

    /** A catalog that announces each change on the models exchange, if a broker answers. */
    ModelCatalog announcingCatalog(BrokerOptions broker, PrintWriter err) {
        return new ModelCatalog(registry, announcement -> announce(broker, announcement, err));
    }

    private static void announce(BrokerOptions options, ModelAnnouncement announcement, PrintWriter err) {
        try (BrokerSession session = options.openAsClient("models")) {
            session.broker().announceModel(ModelAnnouncementCodec.encode(announcement));
        } catch (RuntimeException e) {
            err.println("glossa models: the change is recorded, but " + options.clientTarget() + " did not take the "
                    + "announcement (" + e.getMessage() + "), so no announcement sent; workers switch at their next "
                    + "model check (--model-check-interval)");
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
