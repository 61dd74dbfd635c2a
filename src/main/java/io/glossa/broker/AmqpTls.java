package io.glossa.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom an {@code amqps://} connection trusts: the JVM's default truststore (the usual public CAs, or whatever
 * {@code -Djavax.net.ssl.trustStore} names), or a truststore file of the operator's (a private CA). The broker's
 * certificate must also match its host name.
 *
 * @param truststore a PKCS12 or JKS file; empty: the JVM default
 * @param password   the truststore's password (may be empty); never logged or shown
 */
public record AmqpTls(Optional<Path> truststore, String password) {
    public static final AmqpTls JVM_DEFAULT = new AmqpTls(Optional.empty(), "");

    /** @throws IllegalArgumentException naming the file (never the password) if it cannot be used */
    public SSLContext sslContext() {
        if (truststore.isEmpty()) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(
                        "this Java runtime offers no default TLS context: " + e.getMessage(), e);
            }
        }
        Path file = truststore.get();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("AMQP truststore " + file + " is not a readable file");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance(file.toFile(), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open AMQP truststore " + file + " (is it a PKCS12 or JKS file, "
                    + "and is --amqp-tls-truststore-password / GLOSSA_AMQP_TLS_TRUSTSTORE_PASSWORD right?)");
        }
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "AMQP truststore " + file + " cannot be used for TLS: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "AmqpTls[truststore=" + truststore.map(Path::toString).orElse("JVM default") + "]";
    }
}
