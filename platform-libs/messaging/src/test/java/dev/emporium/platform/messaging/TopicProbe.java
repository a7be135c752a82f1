package dev.emporium.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from its current end on a thread of its own and keeps what arrives with the moment it arrived, so
 * a test can wait for a record and measure how long it took.
 */
public final class TopicProbe implements AutoCloseable {

    /** A record and when the probe received it ({@link System#nanoTime()}). */
    public record Received(ConsumerRecord<String, String> record, long receivedAt) {

        public Optional<String> header(String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? Optional.empty() : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
        }

        public Optional<UUID> eventId() {
            return header("event-id").map(UUID::fromString);
        }
    }

    private final KafkaConsumer<String, String> consumer;

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private final Thread poller;

    private volatile boolean running = true;

    private TopicProbe(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end now: a lazy seek would start wherever the end is at the first poll, after the test wrote.
        partitions.forEach(consumer::position);
        poller = Thread.ofPlatform().daemon().name("probe-" + topic).start(this::poll);
    }

    public static TopicProbe start(String bootstrapServers, String topic) {
        return new TopicProbe(bootstrapServers, topic);
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                received.add(new Received(record, System.nanoTime()));
            }
        }
        consumer.close();
    }

    public List<Received> received(Predicate<Received> match) {
        return received.stream().filter(match).toList();
    }

    public Received await(Predicate<Received> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(2))
                .until(() -> received.stream().filter(match).findFirst(), Optional::isPresent).orElseThrow();
    }

    public Received awaitEvent(UUID eventId, Duration timeout) {
        return await(received -> received.eventId().filter(eventId::equals).isPresent(), timeout);
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
