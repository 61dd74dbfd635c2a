package io.glossa.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.glossa.pipeline.Lane;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyTest {
    final Topology topology = Topology.defaults();

    @Test
    void namesEverythingUnderThePrefix() {
        assertThat(topology.jobsExchange()).isEqualTo("glossa.jobs");
        assertThat(topology.queue(Lane.REALTIME)).isEqualTo("glossa.jobs.realtime");
        assertThat(topology.queue(Lane.BATCH)).isEqualTo("glossa.jobs.batch");
        assertThat(topology.resultsExchange()).isEqualTo("glossa.results");
        assertThat(topology.modelsExchange()).isEqualTo("glossa.models");
        assertThat(topology.failedExchange()).isEqualTo("glossa.failed");
        assertThat(topology.failedQueue()).isEqualTo("glossa.failed");
    }

    @Test
    void rabbitMqGetsQuorumQueuesWithADeliveryLimitAndDeadLettering() {
        assertThat(topology.jobQueueArguments(BrokerFlavour.RABBITMQ))
                .isEqualTo(Map.of(
                        "x-queue-type",
                        "quorum",
                        "x-delivery-limit",
                        Topology.DELIVERY_LIMIT,
                        "x-dead-letter-exchange",
                        "glossa.failed"));
        assertThat(topology.failedQueueArguments(BrokerFlavour.RABBITMQ)).isEqualTo(Map.of("x-queue-type", "quorum"));
    }

    @Test
    void qpidGetsNoXArguments() {
        assertThat(topology.jobQueueArguments(BrokerFlavour.QPID)).isNull();
        assertThat(topology.failedQueueArguments(BrokerFlavour.QPID)).isNull();
        assertThat(topology.jobQueueArguments(BrokerFlavour.OTHER)).isNull();
    }

    @Test
    void rejectsPrefixesThatWouldMakeOddNames() {
        assertThatThrownBy(() -> new Topology("")).hasMessageContaining("queue prefix");
        assertThatThrownBy(() -> new Topology("has space")).hasMessageContaining("queue prefix");
        assertThatThrownBy(() -> new Topology(".dot")).hasMessageContaining("queue prefix");
        assertThat(new Topology("team-a_1.glossa").prefix()).isEqualTo("team-a_1.glossa");
    }

    @Test
    void detectsTheFlavourFromTheProductServerProperty() {
        assertThat(BrokerFlavour.fromServerProperties(Map.of("product", "RabbitMQ")))
                .isEqualTo(BrokerFlavour.RABBITMQ);
        assertThat(BrokerFlavour.fromServerProperties(Map.of("product", "Apache Qpid Broker-J Core")))
                .isEqualTo(BrokerFlavour.QPID);
        assertThat(BrokerFlavour.fromServerProperties(Map.of())).isEqualTo(BrokerFlavour.OTHER);
        // what Qpid sends from inside glossa's shaded jar, where its manifest is gone
        assertThat(BrokerFlavour.fromServerProperties(Map.of(
                        "product",
                        "unknown",
                        "qpid.instance_name",
                        "glossa-embedded",
                        "qpid.close_when_no_route",
                        true)))
                .isEqualTo(BrokerFlavour.QPID);
    }
}
