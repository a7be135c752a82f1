package dev.emporium.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.emporium.contracts.EventEnvelope;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventEnvelopeDeserializerTest {

    private final EventEnvelopeDeserializer deserializer = new EventEnvelopeDeserializer();

    @Test
    void anEnvelopeSurvivesTheTripThroughKafkasSerialisers() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), "dev.emporium.auth.UserErased", "auth-service",
                Instant.parse("2026-12-01T09:15:00Z"), "u-1", 1, "{\"userId\":\"u-1\"}");

        byte[] bytes = new EventEnvelopeSerializer().serialize("users.v1", envelope);

        assertThat(deserializer.deserialize("users.v1", bytes)).isEqualTo(envelope);
    }

    @Test
    void bytesThatAreNoEnvelopeFailAsASerialisationProblem() {
        assertThatThrownBy(() -> deserializer.deserialize("users.v1", "hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("users.v1");
    }

    @Test
    void aTombstoneStaysEmpty() {
        assertThat(deserializer.deserialize("users.v1", null)).isNull();
    }
}
