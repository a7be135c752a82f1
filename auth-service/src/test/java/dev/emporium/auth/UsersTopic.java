package dev.emporium.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.emporium.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * Reads {@code users.v1} from its end at the moment it is opened, on a thread of its own, as raw text: what a
 * consumer of auth-service's events receives. The broker is shared by every test class of the JVM, so tests pick
 * their records by key (the user id).
 */
public final class UsersTopic implements AutoCloseable {

    /** A record as it arrived: key, the envelope as JSON text, where it is, and the headers the relay set. */
    public record Event(String key, String value, int partition, long offset, Map<String, String> headers) {

        public @Nullable String header(String name) {
            return this.headers.get(name);
        }

    }

    private final KafkaConsumer<String, String> consumer;

    private final List<Event> received = new CopyOnWriteArrayList<>();

    private final Thread poller;

    private volatile boolean running = true;

    private UsersTopic(String bootstrapServers) {
        this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.USERS, Duration.ofSeconds(30))
            .stream()
            .map(info -> new TopicPartition(Topics.USERS, info.partition()))
            .toList();
        this.consumer.assign(partitions);
        this.consumer.seekToEnd(partitions);
        // Resolve the end now: a lazy seek would start wherever the end is at the first poll, after the test wrote.
        partitions.forEach(this.consumer::position);
        this.poller = Thread.ofPlatform().daemon().name("users-topic-probe").start(this::poll);
    }

    public static UsersTopic open(String bootstrapServers) {
        return new UsersTopic(bootstrapServers);
    }

    private void poll() {
        while (this.running) {
            for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(50))) {
                Map<String, String> headers = new HashMap<>();
                for (Header header : record.headers()) {
                    headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
                this.received.add(new Event(record.key(), record.value(), record.partition(), record.offset(),
                        Map.copyOf(headers)));
            }
        }
        this.consumer.close();
    }

    /** Every record received so far. */
    public List<Event> all() {
        return List.copyOf(this.received);
    }

    /** Every record received so far with this key, in the order of the partition. */
    public List<Event> withKey(String key) {
        return this.received.stream().filter(event -> key.equals(event.key())).toList();
    }

    /** Waits until at least {@code count} records with this key have arrived, and returns all of them. */
    public List<Event> awaitWithKey(String key, int count) {
        return await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(() -> withKey(key), events -> events.size() >= count);
    }

    @Override
    public void close() {
        this.running = false;
        try {
            this.poller.join(Duration.ofSeconds(5));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

}
