package dev.emporium.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.payment.PaymentAuthorized;
import dev.emporium.contracts.payment.PaymentDeclined;
import dev.emporium.contracts.payment.PaymentRefunded;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes payment-service's events on {@code payments.v1} as payment-service would: an envelope keyed by the
 * order id, its payload built from the sample in the event's JSON Schema with the test's ids put in.
 */
public final class PaymentsTopic implements AutoCloseable {

    private static final EventSchemas SCHEMAS = new EventSchemas();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;

    public PaymentsTopic(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** The schema's sample payload of the type, with the order's ids and amount. */
    public static ObjectNode payload(EventType type, UUID orderId, UUID customerId, long amount) {
        ObjectNode data = (ObjectNode) JSON.readTree(SCHEMAS.examples(type).getFirst());
        data.put("paymentId", UUID.nameUUIDFromBytes(orderId.toString().getBytes(StandardCharsets.UTF_8))
                .toString());
        data.put("orderId", orderId.toString());
        data.put("customerId", customerId.toString());
        ((ObjectNode) data.get("amount")).put("amount", amount);
        return data;
    }

    /** An envelope as payment-service's outbox writes it. */
    public static EventEnvelope envelope(EventType type, UUID orderId, ObjectNode data) {
        return envelope(type.qualifiedName(), type.version(), orderId, data);
    }

    public static EventEnvelope envelope(String type, int version, UUID orderId, ObjectNode data) {
        return new EventEnvelope(UUID.randomUUID(), type, "payment-service", Instant.now(), orderId.toString(), version,
                JSON.writeValueAsString(data));
    }

    public EventEnvelope authorized(UUID orderId, UUID customerId, long amount) {
        return send(envelope(PaymentAuthorized.TYPE, orderId, payload(PaymentAuthorized.TYPE, orderId, customerId,
                amount)));
    }

    public EventEnvelope declined(UUID orderId, UUID customerId, long amount, String reason) {
        ObjectNode data = payload(PaymentDeclined.TYPE, orderId, customerId, amount);
        data.put("reason", reason);
        return send(envelope(PaymentDeclined.TYPE, orderId, data));
    }

    public EventEnvelope refunded(UUID orderId, UUID customerId, long amount, String refundReference) {
        ObjectNode data = payload(PaymentRefunded.TYPE, orderId, customerId, amount);
        data.put("refundReference", refundReference);
        return send(envelope(PaymentRefunded.TYPE, orderId, data));
    }

    /** Publishes the envelope keyed by its subject, the order id, and waits for the broker's acknowledgement. */
    public EventEnvelope send(EventEnvelope envelope) {
        sendRaw(envelope.subject(), EventEnvelopeJson.plain().write(envelope));
        return envelope;
    }

    /** Publishes any text, e.g. a record that is no envelope at all. */
    public void sendRaw(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.PAYMENTS, key, value)).get(Duration.ofSeconds(30).toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Could not publish to " + Topics.PAYMENTS, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
