package io.glossa.cli;

import io.glossa.access.ApiKey;
import io.glossa.access.ApiKeys;
import io.glossa.access.IssuedKey;
import io.glossa.access.KeyScope;
import io.glossa.access.KeySecrets;
import io.glossa.access.RateLimit;
import io.glossa.store.Database;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code glossa keys create|list|revoke}: API keys in the store that {@code serve}/{@code api} use (same
 * --data-dir / --db-url options), beside a running serve or not.
 */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = {
            "Create, list and revoke API keys (enforced by serve/api --require-api-key).",
            "Takes the same store options as serve, and works while serve runs on the same data dir or database;",
            "a revoked key stops working within serve's --api-key-cache period."
        },
        subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: create, list or revoke");
    }

    private static ApiKeys keys(Database database) {
        // the CLI never authenticates, so the validation cache is irrelevant here
        return new ApiKeys(database.apiKeys(), new KeySecrets(), Clock.systemUTC(), Duration.ZERO);
    }

    static String describeLimit(ApiKey key) {
        return key.rateLimit().map(limit -> limit.describe()).orElse("server default");
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = {
                "Create a key and print it once, alone on stdout (only its SHA-256 is stored).",
                "Clients send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'."
            })
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Option(
                names = "--name",
                paramLabel = "NAME",
                defaultValue = "",
                description = "A label for people, e.g. the client or owner (at most 100 characters).")
        String name;

        @Option(
                names = "--rate-limit",
                paramLabel = "RATE",
                description = "This key's own limit, e.g. 10/s or 600/m (default: the server's --rate-limit).")
        String rateLimit;

        @Option(
                names = "--rate-burst",
                paramLabel = "N",
                description = "This key's burst (default: two seconds' worth of --rate-limit); needs --rate-limit.")
        Integer rateBurst;

        @Option(
                names = "--admin",
                description = {
                    "Give the key the admin scope: it sees every key's texts, results, labels and events,",
                    "and the dashboard's stats and re-verify runs. Without it a key sees only what it submitted."
                })
        boolean admin;

        @Override
        public Integer call() {
            Optional<RateLimit> limit = limit();
            try (Database database = store.openDatabase()) {
                IssuedKey issued;
                try {
                    issued = keys(database).issue(name, limit, admin ? KeyScope.ADMIN : KeyScope.USER);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--name: " + e.getMessage());
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println(issued.secret());
                out.flush();
                PrintWriter err = spec.commandLine().getErr();
                err.printf(
                        Locale.ROOT,
                        "created %sAPI key %d%s (rate limit: %s); it is shown only this once, store it now%n",
                        admin ? "admin " : "",
                        issued.key().id(),
                        issued.key().name().isEmpty()
                                ? ""
                                : " \"" + issued.key().name() + "\"",
                        describeLimit(issued.key()));
                err.flush();
                return ExitCodes.OK;
            }
        }

        private Optional<RateLimit> limit() {
            if (rateLimit == null) {
                if (rateBurst != null) {
                    throw new ParameterException(spec.commandLine(), "--rate-burst needs --rate-limit");
                }
                return Optional.empty();
            }
            try {
                return Optional.of(RateLimit.parse(rateLimit, rateBurst));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--rate-limit: " + e.getMessage());
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {
                "List every key (id, name, created, revoked, scope, rate limit); never the secrets, which are not",
                "stored. Scope 'admin' sees every key's data, 'user' only its own."
            })
    static final class ListKeys implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Override
        public Integer call() {
            try (Database database = store.openDatabase()) {
                List<ApiKey> all = keys(database).list();
                PrintWriter out = spec.commandLine().getOut();
                out.printf(
                        Locale.ROOT,
                        "%-6s %-24s %-28s %-28s %-6s %s%n",
                        "ID",
                        "NAME",
                        "CREATED",
                        "REVOKED",
                        "SCOPE",
                        "RATE LIMIT");
                for (ApiKey key : all) {
                    out.printf(
                            Locale.ROOT,
                            "%-6d %-24s %-28s %-28s %-6s %s%n",
                            key.id(),
                            key.name().isEmpty() ? "-" : key.name(),
                            key.createdAt(),
                            key.revokedAt() == null ? "-" : key.revokedAt(),
                            key.scope().key(),
                            describeLimit(key));
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = {
                "Revoke a key by its id (see 'glossa keys list'). Running API processes refuse it once",
                "their key cache (--api-key-cache, default 10 s) has expired."
            })
    static final class Revoke implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StoreOptions store;

        @Parameters(paramLabel = "ID", description = "The key's id.")
        long id;

        @Override
        public Integer call() {
            try (Database database = store.openDatabase()) {
                ApiKey key = keys(database)
                        .revoke(id)
                        .orElseThrow(
                                () -> new UserError("no API key has id " + id + "; 'glossa keys list' shows the keys"));
                PrintWriter out = spec.commandLine().getOut();
                out.printf(
                        Locale.ROOT,
                        "revoked API key %d%s at %s%n",
                        key.id(),
                        key.name().isEmpty() ? "" : " \"" + key.name() + "\"",
                        key.revokedAt());
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
