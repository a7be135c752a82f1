package dev.emporium.notification.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishes events as their producers do: an {@link EventEnvelope} as JSON, keyed by its subject, with a real Kafka
 * producer. Every payload is checked against its type's JSON Schema first, so the tests only send what the
 * contracts allow.
 */
final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    private final EventEnvelopeJson json = EventEnvelopeJson.plain();

    private final EventSchemas schemas = new EventSchemas();

    TestEvents(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** Publishes the payload in a new envelope and answers the envelope, e.g. to publish it again. */
    EventEnvelope publish(String topic, EventType type, UUID subject, Object data) {
        String dataJson = this.json.dataJson(data);
        assertThat(this.schemas.violations(type, dataJson)).as("%s against its schema", type).isEmpty();
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type.qualifiedName(), "test-producer",
                Instant.now().truncatedTo(ChronoUnit.MICROS), subject.toString(), type.version(), dataJson);
        publish(topic, envelope);
        return envelope;
    }

    /** Publishes an envelope as it is, e.g. a second delivery of the same event. */
    void publish(String topic, EventEnvelope envelope) {
        publishRaw(topic, envelope.subject(), this.json.write(envelope));
    }

    /** Publishes any text, e.g. a record that is no event envelope at all. */
    void publishRaw(String topic, String key, String value) {
        try {
            this.producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Could not publish to " + topic, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        this.producer.close();
    }

}
