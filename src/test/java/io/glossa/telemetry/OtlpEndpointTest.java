package io.glossa.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OtlpEndpointTest {
    @Test
    void aCollectorsBaseUrlGetsTheTracesPath() {
        assertThat(OtlpEndpoint.parse("http://127.0.0.1:4318", "--otel-endpoint"))
                .hasToString("http://127.0.0.1:4318/v1/traces");
        assertThat(OtlpEndpoint.parse(" https://otel.example.com/ ", "--otel-endpoint"))
                .hasToString("https://otel.example.com/v1/traces");
        assertThat(OtlpEndpoint.parse("http://collector:4318/prefix", "--otel-endpoint"))
                .hasToString("http://collector:4318/prefix/v1/traces");
    }

    @Test
    void aFullTracesUrlIsKept() {
        assertThat(OtlpEndpoint.parse("http://tempo:4318/v1/traces", "--otel-endpoint"))
                .hasToString("http://tempo:4318/v1/traces");
    }

    @Test
    void anythingButAnHttpUrlIsRefusedWithAnExample() {
        for (String bad :
                new String[] {"127.0.0.1:4318", "grpc://collector:4317", "http://", "http://c:4318/?x=1", "http://a b"
                }) {
            assertThatThrownBy(() -> OtlpEndpoint.parse(bad, "--otel-endpoint"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--otel-endpoint must be the http:// or https:// URL")
                    .hasMessageContaining("http://127.0.0.1:4318")
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
