package io.glossa.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Qpid Broker-J broker configuration as JSON, handed over as a {@code data:} URL so no config file is needed.
 * One AMQP 0-9-1 port on loopback, Plain authentication (also over plain TCP, which Qpid refuses by default),
 * one BDB virtual host whose store keeps exchanges, queues and persistent messages across restarts.
 */
final class QpidInitialConfig {
    static final String VIRTUAL_HOST = "default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private QpidInitialConfig() {}

    static String dataUrl(EmbeddedBrokerSettings settings) {
        byte[] json = json(settings).getBytes(StandardCharsets.UTF_8);
        return "data:application/json;base64," + Base64.getEncoder().encodeToString(json);
    }

    static String json(EmbeddedBrokerSettings settings) {
        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("name", "glossa-embedded");
        broker.put("modelVersion", "9.0");
        broker.put("authenticationproviders", List.of(authentication(settings)));
        broker.put("ports", List.of(amqpPort(settings)));
        broker.put("virtualhostnodes", List.of(virtualHostNode(settings)));
        try {
            return JSON.writeValueAsString(broker);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the embedded broker configuration", e);
        }
    }

    private static Map<String, Object> authentication(EmbeddedBrokerSettings settings) {
        return Map.of(
                "name",
                "plain",
                "type",
                "Plain",
                // over plain TCP Qpid would otherwise offer only CRAM-MD5/SCRAM, which the client cannot use here
                "secureOnlyMechanisms",
                List.of(),
                "users",
                List.of(Map.of("name", settings.username(), "type", "managed", "password", settings.password())));
    }

    /**
     * What AMQP 0-9-1 clients read in the server's {@code capabilities} before they use an extension: pika refuses
     * {@code confirm_delivery()} ("Confirm.Select not Supported by Server") unless {@code publisher_confirms} and
     * {@code basic.nack} are there, and Qpid does not send the table. Both work on Qpid (confirm.select, a nack for an
     * unroutable mandatory message: EmbeddedBrokerIT; pika's confirms: ClientsKit). Not advertised, because Qpid
     * lacks them: exchange-to-exchange bindings (they close the connection), consumer cancel notifications, direct
     * reply-to.
     */
    static final Map<String, Object> CAPABILITIES = Map.of("publisher_confirms", true, "basic.nack", true);

    private static Map<String, Object> amqpPort(EmbeddedBrokerSettings settings) {
        String properties;
        try {
            properties = JSON.writeValueAsString(Map.of("capabilities", CAPABILITIES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the broker's capabilities", e);
        }
        return Map.of(
                // the port's enrichers build the server properties: STANDARD is Qpid's own (product, qpid.*),
                // SUPPLIED-MAP adds the map in the context variable qpid.connection.property_map
                "context",
                Map.of(
                        "qpid.port.connection_property_enrichers",
                        "[\"STANDARD\", \"SUPPLIED-MAP\"]",
                        "qpid.connection.property_map",
                        properties),
                "name",
                "AMQP",
                "type",
                "AMQP",
                "port",
                settings.port(),
                "bindingAddress",
                "127.0.0.1",
                "protocols",
                List.of("AMQP_0_9_1"),
                "authenticationProvider",
                "plain",
                // nameAlias + defaultAlias: the client's vhost "/" (or any name) resolves to the one virtual host
                "virtualhostaliases",
                List.of(
                        Map.of("name", "nameAlias", "type", "nameAlias"),
                        Map.of("name", "defaultAlias", "type", "defaultAlias")));
    }

    private static Map<String, Object> virtualHostNode(EmbeddedBrokerSettings settings) {
        String store = settings.brokerDir().resolve("store").toAbsolutePath().toString();
        return Map.of(
                "name", VIRTUAL_HOST,
                "type", "BDB",
                "defaultVirtualHostNode", "true",
                "storePath", store,
                // ProvidedStore: the virtual host keeps its messages in the node's BDB environment, one store on disk
                "virtualHostInitialConfiguration", "{\"type\":\"ProvidedStore\"}");
    }
}
