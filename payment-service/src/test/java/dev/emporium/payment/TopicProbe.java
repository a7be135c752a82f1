package dev.emporium.payment;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its end at the moment it is opened, on a thread of its own, as raw text: what a consumer of
 * the service's events receives. The broker is shared by every test class of the JVM, so tests pick their records by
 * key (the order id).
 */
public final class TopicProbe implements AutoCloseable {

    /** A record as it arrived. */
    public record Received(String key, String value, int partition, long offset) {
    }

    private final KafkaConsumer<String, String> consumer;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final Thread poller;

    private volatile boolean running = true;

    private TopicProbe(String bootstrapServers, String topic) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end now: a lazy seek would start wherever the end is at the first poll, after the test wrote.
        partitions.forEach(consumer::position);
        this.poller = Thread.ofPlatform().daemon().name("probe-" + topic).start(this::poll);
    }

    public static TopicProbe open(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic);
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                received.add(new Received(record.key(), record.value(), record.partition(), record.offset()));
            }
        }
        consumer.close();
    }

    /** Every record received so far with this key, in the order of the partition. */
    public List<Received> withKey(String key) {
        return received.stream().filter(record -> key.equals(record.key())).toList();
    }

    /** Waits until at least {@code count} records with this key have arrived, and returns all of them. */
    public List<Received> awaitWithKey(String key, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> withKey(key), records -> records.size() >= count);
    }

    @Override
    public void close() {
        running = false;
        try {
            poller.join(Duration.ofSeconds(5));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
