package dev.emporium.platform.messaging.deadletter;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.emporium.contracts.EventEnvelope;
import dev.emporium.platform.messaging.EventEnvelopeSerializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/**
 * The Kafka clients of dead-letter handling, built from the service's own Kafka settings. Its template writes what a
 * failed record holds: raw bytes when the value could not be read, an envelope when the listener failed, bytes again
 * when a dead letter is replayed. Not a {@code KafkaTemplate} bean, so the service keeps Spring Boot's own.
 */
final class DeadLetterKafka implements DisposableBean {

    private static final AtomicInteger READERS = new AtomicInteger();

    private final DefaultKafkaProducerFactory<Object, Object> producerFactory;

    private final KafkaTemplate<Object, Object> template;

    private final Map<String, Object> consumerConfig;

    DeadLetterKafka(Map<String, Object> producerConfig, Map<String, Object> consumerConfig) {
        Map<String, Object> producer = new HashMap<>(producerConfig);
        producer.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        producer.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        this.producerFactory = new DefaultKafkaProducerFactory<>(producer, serializer(), serializer());
        this.template = new KafkaTemplate<>(producerFactory);

        Map<String, Object> consumer = new HashMap<>(consumerConfig);
        consumer.keySet().removeIf(key -> key.startsWith("spring.deserializer.") || key.startsWith("spring.json."));
        consumer.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        consumer.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        // Reading a dead-letter topic is browsing: no group, no committed offsets, nothing marked as consumed.
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig = Map.copyOf(consumer);
    }

    KafkaTemplate<Object, Object> template() {
        return template;
    }

    Consumer<byte[], byte[]> reader() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-reader-" + READERS.incrementAndGet());
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Serializer<Object> serializer() {
        Map<Class<?>, Serializer<?>> byType = new HashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(String.class, new StringSerializer());
        byType.put(EventEnvelope.class, new EventEnvelopeSerializer());
        return new DelegatingByTypeSerializer(byType, true);
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }
}
