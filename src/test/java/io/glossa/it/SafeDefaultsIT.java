package io.glossa.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.glossa.app.Roles;
import io.glossa.app.Running;
import io.glossa.app.ServeSettings;
import io.glossa.cli.ServeCommand;
import io.glossa.testing.TestRoles;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import picocli.CommandLine;

/**
 * Issue 19, findings 6 and 7 on a real serve started with no --host: it listened on 0.0.0.0, anyone on the network
 * could read every text; no Host check, so DNS rebinding worked; the CSV download did not neutralise formulas.
 */
class SafeDefaultsIT {
    @TempDir
    Path dataDir;

    @Test
    void serveListensOnThisMachineOnlyAnswersItsOwnNamesAndKeepsItsBrokerPrivate() throws Exception {
        try (Running serve = Roles.serve(defaults())) {
            int port = serve.port();
            // read from the kernel's socket table, so the test never sends traffic beyond the loopback interface
            assertThat(listeningAddresses(port))
                    .as("addresses listening on port " + port)
                    .containsExactly("127.0.0.1");
            assertThat(get(port, "localhost:" + port)).startsWith("HTTP/1.1 200");
            assertThat(get(port, "127.0.0.1:" + port)).startsWith("HTTP/1.1 200");
            String rebound = get(port, "evil.example:" + port);
            assertThat(rebound)
                    .startsWith("HTTP/1.1 400")
                    .contains("/problems/host-not-allowed")
                    .contains("--allowed-hosts")
                    .contains("X-Frame-Options: DENY");

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("broker"))))
                    .isEqualTo("rwx------");

            try (Browser browser = new Browser()) {
                browser.driver.get("http://127.0.0.1:" + port + "/batch.html");
                Object cells = ((JavascriptExecutor) browser.driver)
                        .executeScript(
                                "return ['=1+2', '+1', '-1', '@SUM(A1)', '\\tx', '\\rx', 'plain', 'a,b', '=HYPERLINK(\"x\")']"
                                        + ".map(batchParse.csvCell);");
                assertThat(cells)
                        .isEqualTo(List.of(
                                "'=1+2",
                                "'+1",
                                "'-1",
                                "'@SUM(A1)",
                                "'\tx",
                                "\"'\rx\"",
                                "plain",
                                "\"a,b\"",
                                "\"'=HYPERLINK(\"\"x\"\")\""));
            }
        }
    }

    /** The subject is serve's defaults, so its settings come from the command line (no --host), not the fixture. */
    private ServeSettings defaults() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve)
                .parseArgs(
                        "--data-dir",
                        dataDir.toString(),
                        "--amqp-port",
                        String.valueOf(TestRoles.freePort()),
                        "--port",
                        "0",
                        "--workers",
                        "2");
        return serve.settings();
    }

    /** The local addresses of the sockets listening on {@code port}, from /proc/net/tcp and tcp6 (Linux). */
    private static List<String> listeningAddresses(int port) throws Exception {
        String hexPort = String.format(":%04X", port);
        List<String> addresses = new java.util.ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(hexPort) && fields[3].equals("0A")) { // 0A: LISTEN
                    addresses.add(address(fields[1].substring(0, fields[1].indexOf(':'))));
                }
            }
        }
        return addresses;
    }

    /**
     * A /proc/net/tcp address: little-endian hex, e.g. 0100007F is 127.0.0.1; an IPv4-mapped IPv6 one (a Java
     * socket bound to 127.0.0.1 may be an IPv6 socket) as its IPv4 address; any other IPv6 one as read.
     */
    private static String address(String hex) {
        if (hex.length() == 32 && hex.startsWith("0000000000000000FFFF0000")) {
            return address(hex.substring(24));
        }
        if (hex.length() != 8) {
            return hex.matches("0+") ? "::" : hex;
        }
        long value = Long.parseLong(hex, 16);
        return (value & 0xFF) + "." + (value >> 8 & 0xFF) + "." + (value >> 16 & 0xFF) + "." + (value >> 24 & 0xFF);
    }

    private static String get(int port, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write(("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
