package io.glossa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glossa keys} in-process on an embedded database: output, exit codes and one-line errors. */
class KeysCommandIT {
    @TempDir
    Path dataDir;

    private CliRun glossa(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data-dir";
        all[args.length + 1] = dataDir.toString();
        return CliRun.of(all);
    }

    @Test
    void createPrintsOnlyTheKeyOnStdoutListNeverShowsItAndRevokeMarksIt() {
        CliRun created = glossa("keys", "create", "--name", "ci", "--rate-limit", "600/m");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String key = created.out().strip();
        assertThat(key).matches("gk_[A-Za-z0-9_-]{43}");
        assertThat(created.err())
                .contains("created API key 1 \"ci\" (rate limit: 10/s, burst 20)", "shown only this once");

        CliRun listed = glossa("keys", "list");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out())
                .contains("ci", "10/s, burst 20")
                .doesNotContain(key)
                .doesNotContain(key.substring(3));

        CliRun revoked = glossa("keys", "revoke", "1");
        assertThat(revoked.exitCode()).isZero();
        assertThat(revoked.out()).startsWith("revoked API key 1 \"ci\" at ");
        assertThat(glossa("keys", "list").out().lines().skip(1).findFirst().orElseThrow())
                .doesNotContain(" -  ")
                .contains("10/s, burst 20");
    }

    @Test
    void anAdminKeyIsCreatedWithItsScopeAndListedSo() {
        CliRun user = glossa("keys", "create", "--name", "alice");
        CliRun admin = glossa("keys", "create", "--name", "ops", "--admin");
        assertThat(admin.exitCode()).as(admin.err()).isZero();
        assertThat(admin.out().strip()).matches("gk_[A-Za-z0-9_-]{43}");
        assertThat(admin.err()).contains("created admin API key 2 \"ops\"");
        assertThat(user.err()).contains("created API key 1 \"alice\"");

        List<String> rows = glossa("keys", "list").out().lines().toList();
        assertThat(rows.get(0)).contains("SCOPE");
        assertThat(rows.get(1)).contains("alice").containsPattern(" user +server default");
        assertThat(rows.get(2)).contains("ops").containsPattern(" admin +server default");
    }

    @Test
    void mistakesEndInOneLineAndANonZeroExit() {
        CliRun unknown = glossa("keys", "revoke", "42");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(unknown.err().strip())
                .isEqualTo("glossa keys revoke: no API key has id 42; 'glossa keys list' shows the keys");

        CliRun badRate = glossa("keys", "create", "--rate-limit", "lots");
        assertThat(badRate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badRate.err()).contains("--rate-limit: a rate limit looks like 50/s, 600/m or 3600/h, got 'lots'");

        CliRun burstAlone = glossa("keys", "create", "--rate-burst", "5");
        assertThat(burstAlone.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(burstAlone.err()).contains("--rate-burst needs --rate-limit");

        CliRun longName = glossa("keys", "create", "--name", "x".repeat(101));
        assertThat(longName.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(longName.err()).contains("at most 100 characters");

        CliRun bare = CliRun.of("keys");
        assertThat(bare.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bare.err()).contains("name a subcommand: create, list or revoke");
        assertThat(glossa("keys", "list").out().lines().count())
                .as("nothing was stored")
                .isEqualTo(1);
    }
}
