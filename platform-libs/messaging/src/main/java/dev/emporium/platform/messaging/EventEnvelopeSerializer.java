package dev.emporium.platform.messaging;

import java.nio.charset.StandardCharsets;

import dev.emporium.contracts.EventEnvelope;
import org.apache.kafka.common.serialization.Serializer;

/** Writes an {@link EventEnvelope} as its JSON, e.g. when a failed record is copied to its dead-letter topic. */
public class EventEnvelopeSerializer implements Serializer<EventEnvelope> {

    @Override
    public byte[] serialize(String topic, EventEnvelope envelope) {
        return envelope == null ? null : EventEnvelopeJson.plain().write(envelope).getBytes(StandardCharsets.UTF_8);
    }
}
