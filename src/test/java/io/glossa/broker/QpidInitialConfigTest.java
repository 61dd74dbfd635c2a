package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class QpidInitialConfigTest {
    final EmbeddedBrokerSettings settings = new EmbeddedBrokerSettings(Path.of("/data/g"), 5999, "ann", "pw\"x");

    @Test
    void loopbackPlainAuthAndADurableVirtualHost() throws Exception {
        JsonNode config = new ObjectMapper().readTree(QpidInitialConfig.json(settings));
        JsonNode port = config.at("/ports/0");
        assertThat(port.get("bindingAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(port.get("port").asInt()).isEqualTo(5999);
        assertThat(port.get("protocols").toString()).isEqualTo("[\"AMQP_0_9_1\"]");
        JsonNode auth = config.at("/authenticationproviders/0");
        assertThat(auth.get("type").asText()).isEqualTo("Plain");
        assertThat(auth.get("secureOnlyMechanisms").size()).isZero();
        assertThat(auth.at("/users/0/name").asText()).isEqualTo("ann");
        assertThat(auth.at("/users/0/password").asText()).isEqualTo("pw\"x");
        JsonNode node = config.at("/virtualhostnodes/0");
        assertThat(node.get("type").asText()).isEqualTo("BDB");
        assertThat(node.get("storePath").asText())
                .isEqualTo(Path.of("/data/g/broker/store").toString());
    }

    @Test
    void travelsAsADataUrl() {
        String url = QpidInitialConfig.dataUrl(settings);
        assertThat(url).startsWith("data:application/json;base64,");
        String json =
                new String(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo(QpidInitialConfig.json(settings));
    }
}
