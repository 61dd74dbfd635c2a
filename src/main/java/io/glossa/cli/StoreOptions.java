package io.glossa.cli;

import io.glossa.store.Database;
import io.glossa.store.EmbeddedSync;
import io.glossa.store.JdbcTextStore;
import io.glossa.store.StoreSettings;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the store lives, shared by every command that needs it ({@code @Mixin StoreOptions store;}).
 * Without {@code --db-url} the store is the embedded database under {@code --data-dir}.
 *
 * <p>Opening fails with {@link io.glossa.pipeline.StoreUnavailableException}, whose message is one line naming the
 * URL (password masked) and what to check: print it as the command's error.
 */
final class StoreOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--data-dir",
            defaultValue = "${env:GLOSSA_DATA_DIR:-./glossa-data}",
            paramLabel = "DIR",
            description =
                    "Directory for the embedded database and broker (env GLOSSA_DATA_DIR; default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(
            names = "--db-url",
            defaultValue = "${env:GLOSSA_DB_URL}",
            paramLabel = "JDBC_URL",
            description = "PostgreSQL, e.g. jdbc:postgresql://127.0.0.1:5432/glossa (env GLOSSA_DB_URL). "
                    + "Without it: the embedded database under --data-dir.")
    private String dbUrl;

    @Option(
            names = "--db-user",
            defaultValue = "${env:GLOSSA_DB_USER}",
            paramLabel = "USER",
            description = "Database user (env GLOSSA_DB_USER).")
    private String dbUser;

    @Option(
            names = "--db-password",
            defaultValue = "${env:GLOSSA_DB_PASSWORD}",
            paramLabel = "PASSWORD",
            showDefaultValue = Visibility.NEVER,
            description = "Database password (env GLOSSA_DB_PASSWORD; prefer the variable: flags show in ps).")
    private String dbPassword;

    @Option(
            names = "--db-pool-size",
            defaultValue = "${env:GLOSSA_DB_POOL_SIZE:-10}",
            paramLabel = "N",
            description = "Database connections in this process (env GLOSSA_DB_POOL_SIZE; default: ${DEFAULT-VALUE}).")
    private int poolSize;

    @Option(
            names = "--db-sync",
            defaultValue = "${env:GLOSSA_DB_SYNC:-normal}",
            paramLabel = "normal|full",
            description = "Embedded database only: normal keeps every accepted text through a crash of the process; "
                    + "full also through a power cut, with a disk flush per commit (env GLOSSA_DB_SYNC; default "
                    + "${DEFAULT-VALUE}; docs/store.md).")
    private String sync;

    @Option(
            names = "--accept-linger",
            defaultValue = "${env:GLOSSA_ACCEPT_LINGER:-2ms}",
            paramLabel = "DURATION",
            description = "api, serve: how long accepting a text may wait, while requests arrive densely, for others "
                    + "to share its database commit (fewer commits per text; the answer comes up to that much later); "
                    + "0 commits at once, at most 100ms (env GLOSSA_ACCEPT_LINGER; default ${DEFAULT-VALUE}; "
                    + "docs/store.md).")
    private String acceptLinger;

    public Path dataDir() {
        return dataDir;
    }

    public boolean embedded() {
        return dbUrl == null || dbUrl.isBlank();
    }

    /** @throws ParameterException (picocli prints it with usage) if a flag is malformed */
    public StoreSettings settings() {
        try {
            EmbeddedSync syncPolicy = EmbeddedSync.parse(sync);
            Duration linger = acceptLinger();
            if (embedded()) {
                createDataDir();
                return StoreSettings.embedded(dataDir, poolSize, syncPolicy).withAcceptLinger(linger);
            }
            if (syncPolicy != EmbeddedSync.NORMAL) {
                throw new IllegalArgumentException("--db-sync is for the embedded database; with --db-url, "
                        + "PostgreSQL's own settings (synchronous_commit, fsync) decide");
            }
            return new StoreSettings(dbUrl.strip(), dbUser, dbPassword, poolSize, linger);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private Duration acceptLinger() {
        Duration linger = DurationText.parse(acceptLinger, "--accept-linger");
        if (linger.compareTo(StoreSettings.MAX_ACCEPT_LINGER) > 0) {
            throw new IllegalArgumentException("--accept-linger must be at most "
                    + StoreSettings.MAX_ACCEPT_LINGER.toMillis() + "ms, got " + acceptLinger);
        }
        return linger;
    }

    private static final FileAttribute<?>[] OWNER_ONLY =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? new FileAttribute<?>[] {
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))
                    }
                    : new FileAttribute<?>[0];

    /** Creates --data-dir up front, so a path that cannot hold it fails with the reason rather than the driver's wording. */
    private void createDataDir() {
        try {
            if (!Files.isDirectory(dataDir)) {
                // readable by this user only: it holds every text users sent (the database's own folder is 0700 too)
                Files.createDirectories(dataDir, OWNER_ONLY);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UserError("--data-dir " + dataDir + ": " + e.getFile() + " exists and is not a directory");
        } catch (AccessDeniedException e) {
            throw new UserError("cannot create --data-dir " + dataDir + ": permission denied on " + e.getFile());
        } catch (FileSystemException e) {
            throw new UserError("cannot create --data-dir " + dataDir + ": " + e.getFile()
                    + (e.getReason() == null ? " cannot be created" : ": " + e.getReason()));
        } catch (IOException e) {
            throw new UserError("cannot create --data-dir " + dataDir + ": " + e.getMessage());
        }
    }

    /** Connects, migrates the schema and returns the store; the caller closes it. */
    public JdbcTextStore openStore() {
        return JdbcTextStore.open(settings());
    }

    /** For adapters that share the database without the text store (model registry, API keys). */
    public Database openDatabase() {
        return Database.open(settings());
    }
}
