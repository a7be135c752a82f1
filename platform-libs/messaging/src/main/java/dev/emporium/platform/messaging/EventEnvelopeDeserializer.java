package dev.emporium.platform.messaging;

import java.nio.charset.StandardCharsets;

import dev.emporium.contracts.EventEnvelope;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a record value as an {@link EventEnvelope}. Wrapped in Spring Kafka's {@code ErrorHandlingDeserializer}
 * (the starter's default consumer setting), a value that is no envelope becomes a failed record that goes to the
 * dead-letter topic at once: retrying cannot fix its bytes.
 */
public class EventEnvelopeDeserializer implements Deserializer<EventEnvelope> {

    @Override
    public EventEnvelope deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventEnvelopeJson.plain().read(new String(data, StandardCharsets.UTF_8));
        }
        catch (IllegalArgumentException ex) {
            throw new SerializationException("A record on " + topic + " is not an event envelope: " + ex.getMessage(),
                    ex);
        }
    }
}
