package io.glossa.cli;

import io.glossa.broker.AmqpEndpoint;
import io.glossa.broker.AmqpTls;
import io.glossa.broker.ConnectSettings;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The truststore of {@code amqps://} connections, part of {@link BrokerOptions}. */
final class AmqpTlsOptions {
    @Option(
            names = "--amqp-tls-truststore",
            defaultValue = "${env:GLOSSA_AMQP_TLS_TRUSTSTORE}",
            paramLabel = "FILE",
            description =
                    "For amqps:// URIs: trust the CAs in this PKCS12/JKS file instead of the JVM's default truststore "
                            + "(env GLOSSA_AMQP_TLS_TRUSTSTORE).")
    Path truststore;

    @Option(
            names = "--amqp-tls-truststore-password",
            defaultValue = "${env:GLOSSA_AMQP_TLS_TRUSTSTORE_PASSWORD}",
            paramLabel = "PASSWORD",
            arity = "1",
            showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER,
            description =
                    "Password of --amqp-tls-truststore (env GLOSSA_AMQP_TLS_TRUSTSTORE_PASSWORD; prefer the variable: flags show in ps).")
    String truststorePassword;

    /**
     * {@code settings} with the truststore, checked now rather than at the first connect.
     *
     * @throws IllegalArgumentException (one line, never the password) if the truststore cannot be used
     */
    ConnectSettings apply(ConnectSettings settings, Optional<AmqpEndpoint> endpoint) {
        if (truststore == null) {
            return settings;
        }
        if (endpoint.map(e -> !e.tls()).orElse(true)) {
            throw new IllegalArgumentException(
                    "--amqp-tls-truststore is for TLS connections: give an amqps:// --amqp-uri");
        }
        AmqpTls tls = new AmqpTls(Optional.of(truststore), truststorePassword == null ? "" : truststorePassword);
        tls.sslContext();
        return settings.withTls(tls);
    }
}
