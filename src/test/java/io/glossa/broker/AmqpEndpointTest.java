package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Address;
import org.junit.jupiter.api.Test;

class AmqpEndpointTest {
    @Test
    void parsesOneUriWithCredentialsPortAndVirtualHost() {
        AmqpEndpoint e = AmqpEndpoint.parse("amqp://alice:p%40ss@rabbit.example:5673/prod", "guest", "guest");
        assertThat(e.addresses()).containsExactly(new Address("rabbit.example", 5673));
        assertThat(e.username()).isEqualTo("alice");
        assertThat(e.password()).isEqualTo("p@ss");
        assertThat(e.virtualHost()).isEqualTo("prod");
        assertThat(e.tls()).isFalse();
    }

    @Test
    void defaultsToPort5672TheRootVirtualHostAndTheGivenCredentials() {
        AmqpEndpoint e = AmqpEndpoint.parse("amqp://localhost", "bob", "secret");
        assertThat(e.addresses()).containsExactly(new Address("localhost", 5672));
        assertThat(e.virtualHost()).isEqualTo("/");
        assertThat(e.username()).isEqualTo("bob");
        assertThat(e.password()).isEqualTo("secret");
        assertThat(AmqpEndpoint.parse("amqp://h/%2F", "u", "p").virtualHost()).isEqualTo("/");
        assertThat(AmqpEndpoint.parse("amqps://h", "u", "p").addresses()).containsExactly(new Address("h", 5671));
    }

    @Test
    void parsesTheNodesOfACluster() {
        AmqpEndpoint e = AmqpEndpoint.parse("amqp://u:p@n1:5672/, n2:5673 ,amqp://u:p@n3", "x", "y");
        assertThat(e.addresses())
                .containsExactly(new Address("n1", 5672), new Address("n2", 5673), new Address("n3", 5672));
        assertThat(e.username()).isEqualTo("u");
        assertThat(e.password()).isEqualTo("p");
    }

    @Test
    void rejectsBadInputWithAClearMessage() {
        assertThatThrownBy(() -> AmqpEndpoint.parse("http://h", "u", "p")).hasMessageContaining("amqp://");
        assertThatThrownBy(() -> AmqpEndpoint.parse("", "u", "p")).hasMessageContaining("empty");
        assertThatThrownBy(() -> AmqpEndpoint.parse("amqp://h1,,h2", "u", "p")).hasMessageContaining("empty entry");
        assertThatThrownBy(() -> AmqpEndpoint.parse("amqp://h1,h2,", "u", "p")).hasMessageContaining("empty entry");
        assertThatThrownBy(() -> AmqpEndpoint.parse("amqp://u:a@h1,amqp://u:b@h2", "u", "p"))
                .hasMessageContaining("share one password");
        assertThatThrownBy(() -> AmqpEndpoint.parse("amqp://h1/a,amqp://h2/b", "u", "p"))
                .hasMessageContaining("virtual host");
        assertThatThrownBy(() -> AmqpEndpoint.parse("amqp://h1,amqps://h2", "u", "p"))
                .hasMessageContaining("mix");
        assertThatThrownBy(() -> AmqpEndpoint.parse("amqp://h:notaport", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AmqpEndpoint.parse("amqp://h1,h2/vhost", "u", "p"))
                .hasMessageContaining("host:port");
    }

    @Test
    void neverShowsThePassword() {
        AmqpEndpoint e = AmqpEndpoint.parse("amqp://alice:topsecret@h1,h2:5673", "g", "g");
        assertThat(e.describe()).isEqualTo("amqp://alice@h1:5672,h2:5673/").doesNotContain("topsecret");
        assertThat(e.toString()).doesNotContain("topsecret");
        assertThatThrownBy(() -> AmqpEndpoint.parse("ftp://alice:topsecret@h", "u", "p"))
                .message()
                .doesNotContain("topsecret");
    }
}
