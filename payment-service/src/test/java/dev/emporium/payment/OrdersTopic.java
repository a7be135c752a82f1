package dev.emporium.payment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.contracts.EventType;
import dev.emporium.contracts.Topics;
import dev.emporium.contracts.order.OrderCancelled;
import dev.emporium.contracts.order.OrderConfirmed;
import dev.emporium.contracts.order.OrderPlaced;
import dev.emporium.platform.messaging.EventEnvelopeJson;
import dev.emporium.platform.messaging.EventSchemas;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes order events on {@code orders.v1} as order-service does: an envelope keyed by the order id, its data
 * built from the example in the event's JSON Schema with the test's ids and values put in.
 */
public final class OrdersTopic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, String> producer;

    private final EventSchemas schemas = new EventSchemas();

    public OrdersTopic(String bootstrapServers) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    /** An OrderPlaced for a new order: the schema's example with these ids, total and payment method. */
    public static ObjectNode orderPlaced(UUID orderId, UUID customerId, long total, String paymentMethod) {
        ObjectNode data = example(OrderPlaced.TYPE);
        data.put("orderId", orderId.toString());
        data.put("customerId", customerId.toString());
        ObjectNode item = (ObjectNode) data.withArray("items").get(0);
        item.put("quantity", 1);
        item.withObject("unitPrice").put("amount", total);
        data.withObject("total").put("amount", total);
        data.put("paymentMethod", paymentMethod);
        data.put("placedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        return data;
    }

    /** An OrderCancelled: the schema's example with these ids and total. */
    public static ObjectNode orderCancelled(UUID orderId, UUID customerId, long total, String previousStatus) {
        ObjectNode data = example(OrderCancelled.TYPE);
        data.put("orderId", orderId.toString());
        data.put("customerId", customerId.toString());
        data.withObject("total").put("amount", total);
        data.put("previousStatus", previousStatus);
        data.put("cancelledAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        return data;
    }

    /** An OrderConfirmed: the schema's example with these ids. */
    public static ObjectNode orderConfirmed(UUID orderId, UUID customerId) {
        ObjectNode data = example(OrderConfirmed.TYPE);
        data.put("orderId", orderId.toString());
        data.put("customerId", customerId.toString());
        return data;
    }

    /** Publishes a new event (fresh id) of the type with this data, keyed by the order; returns its envelope. */
    public EventEnvelope publish(EventType type, UUID orderId, ObjectNode data) {
        return publish(envelope(type, orderId, data));
    }

    /** The envelope a new event of the type with this data would travel in. */
    public static EventEnvelope envelope(EventType type, UUID orderId, ObjectNode data) {
        return new EventEnvelope(UUID.randomUUID(), type.qualifiedName(), "order-service",
                Instant.now().truncatedTo(ChronoUnit.MICROS), orderId.toString(), type.version(),
                JSON.writeValueAsString(data));
    }

    /** Publishes an envelope (again, if it was published before: a redelivery). */
    public EventEnvelope publish(EventEnvelope envelope) {
        send(envelope.subject(), EventEnvelopeJson.plain().write(envelope));
        return envelope;
    }

    /** Publishes any text as a record of orders.v1, such as a poison record. */
    public void send(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(Topics.ORDERS, key, value)).get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Could not publish to " + Topics.ORDERS, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static ObjectNode example(EventType type) {
        return (ObjectNode) JSON.readTree(new EventSchemas().examples(type).getFirst());
    }

    /** The schema's verdict on a payload, for tests that build one. */
    public java.util.List<String> violations(EventType type, ObjectNode data) {
        return schemas.violations(type, JSON.writeValueAsString(data));
    }

    @Override
    public void close() {
        producer.close();
    }
}
