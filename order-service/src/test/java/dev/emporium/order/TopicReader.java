package dev.emporium.order;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic as raw text on a thread of its own, as any consumer would receive it: from its end when opened
 * ({@link #fromEnd}) or from its beginning ({@link #fromBeginning}). The broker is shared by every test class of
 * the JVM, so tests pick their records by key (the order id).
 */
public final class TopicReader implements AutoCloseable {

    /** A record as it arrived. */
    public record Event(String key, String value, int partition, long offset) {
    }

    private final KafkaConsumer<String, String> consumer;

    private final List<Event> received = new CopyOnWriteArrayList<>();

    private final Thread poller;

    private volatile boolean running = true;

    private TopicReader(String bootstrapServers, String topic, boolean fromEnd) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        if (fromEnd) {
            consumer.seekToEnd(partitions);
        }
        else {
            consumer.seekToBeginning(partitions);
        }
        // Resolve the position now: a lazy seek would start wherever the end is at the first poll.
        partitions.forEach(consumer::position);
        this.poller = Thread.ofPlatform().daemon().name("topic-reader-" + topic).start(this::poll);
    }

    public static TopicReader fromEnd(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic, true);
    }

    public static TopicReader fromBeginning(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic, false);
    }

    private void poll() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                received.add(new Event(record.key(), record.value(), record.partition(), record.offset()));
            }
        }
        consumer.close();
    }

    /** Every record received so far with this key, in the order of their partition. */
    public List<Event> withKey(String key) {
        return received.stream().filter(event -> key.equals(event.key())).toList();
    }

    /** Waits until at least {@code count} records with this key match, and returns the matching ones. */
    public List<Event> awaitRecords(String key, int count, Predicate<Event> matching) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> withKey(key).stream().filter(matching).toList(), events -> events.size() >= count);
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
