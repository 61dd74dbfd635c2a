package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Truststores for amqps://: a file of the operator's, or the JVM default; never "trust everything". */
class AmqpTlsTest {
    @TempDir
    Path dir;

    /** A PKCS12 truststore holding one real CA certificate, copied from the JVM's own cacerts. */
    private Path truststore(String password) throws Exception {
        KeyStore cacerts = KeyStore.getInstance(
                Path.of(System.getProperty("java.home"), "lib", "security", "cacerts")
                        .toFile(),
                "changeit".toCharArray());
        String alias = cacerts.aliases().nextElement();
        Certificate ca = cacerts.getCertificate(alias);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca);
        Path file = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    @Test
    void aTruststoreFileBuildsATlsContext() throws Exception {
        SSLContext context = new AmqpTls(Optional.of(truststore("s3cret-pw")), "s3cret-pw").sslContext();
        assertThat(context.getProtocol()).isEqualTo("TLS");
        assertThat(context.getSocketFactory()).isNotNull();
    }

    @Test
    void withoutAFileTheJvmDefaultIsUsed() throws Exception {
        assertThat(AmqpTls.JVM_DEFAULT.sslContext()).isSameAs(SSLContext.getDefault());
    }

    @Test
    void aWrongPasswordOrMissingFileIsOneLineThatNamesTheFileButNeverThePassword() throws Exception {
        Path file = truststore("right-pw");
        AmqpTls wrong = new AmqpTls(Optional.of(file), "wrong-pw-123");
        assertThatThrownBy(wrong::sslContext)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("--amqp-tls-truststore-password")
                .hasMessageNotContaining("wrong-pw-123")
                .hasMessageNotContaining("right-pw");
        assertThat(wrong.toString()).doesNotContain("wrong-pw-123");
        assertThatThrownBy(() -> new AmqpTls(Optional.of(dir.resolve("none.p12")), "").sslContext())
                .hasMessageContaining("none.p12 is not a readable file");
    }

    @Test
    void anAmqpsEndpointConnectsWithTlsAndHostnameVerification() throws Exception {
        ConnectSettings settings = ConnectSettings.defaults().withTls(new AmqpTls(Optional.of(truststore("pw")), "pw"));
        AmqpConnector tls = new AmqpConnector(AmqpEndpoint.parse("amqps://u:p@broker.example", "g", "g"), settings);
        AmqpConnector plain = new AmqpConnector(AmqpEndpoint.parse("amqp://u:p@broker.example", "g", "g"), settings);
        assertThat(tls.factory().isSSL()).isTrue();
        assertThat(tls.factory().getPort()).isEqualTo(5671);
        assertThat(plain.factory().isSSL()).isFalse();
    }
}
