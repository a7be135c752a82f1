package dev.emporium.platform.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import dev.emporium.platform.messaging.MessagingProperties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    private final MessagingProperties.Relay settings = new MessagingProperties.Relay(true, Duration.ofSeconds(10), 100,
            Duration.ofSeconds(8), Duration.ofMillis(500), Duration.ofSeconds(30));

    @Test
    void theRelaysProducerIsIdempotentAndWaitsForEveryReplicaWhateverTheServiceConfigured() {
        Map<String, Object> config = OutboxRelay.producerConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092",
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-",
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, "some.JsonSerializer"), settings, "outbox-relay-1");

        assertThat(config).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .doesNotContainKeys(ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    }

    @Test
    void aSendGivesUpWithinTheSendTimeoutSoAnOutageFailsARoundInsteadOfHoldingItsLocks() {
        Map<String, Object> config = OutboxRelay.producerConfig(Map.of(), settings, "outbox-relay-1");

        assertThat(config).containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 8000)
                .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0);
    }
}
